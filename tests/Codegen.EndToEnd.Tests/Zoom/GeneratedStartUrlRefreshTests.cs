using Codegen.EndToEnd.Tests.Zoom.Generated;

namespace Codegen.EndToEnd.Tests.Zoom;

/// <summary>
/// The generated <c>GetFreshStartUrlAsync</c> (from the spec's <c>x-codegen-refresh-with</c>) against the emulator,
/// whose start_urls really expire two hours after issue on the shared fake clock.
/// </summary>
public sealed class GeneratedStartUrlRefreshTests
{
    [Fact]
    public async Task AFreshStartUrlIsReturnedWithoutACallAndAStaleOneIsReplacedByOneGetMeeting()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient().Client;
        var createdAt = world.Clock.GetUtcNow();
        var meeting = await zoom.CreateMeetingAsync("me", new CreateMeetingRequest { Topic = "Generated refresh", Duration = 30 }, world.Guard);

        var early = await zoom.GetFreshStartUrlAsync(meeting, createdAt, cancellationToken: world.Guard);
        Assert.Equal(meeting.StartUrl, early.Url);
        Assert.Equal(world.Emulator.GetStartUrlExpiry(early.Url), early.ExpiresAt);
        Assert.DoesNotContain(world.Emulator.Requests, r => r.Method == "GET");

        world.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.False(world.Emulator.IsStartUrlValid(meeting.StartUrl!));

        var late = await zoom.GetFreshStartUrlAsync(meeting, createdAt, cancellationToken: world.Guard);
        Assert.NotEqual(meeting.StartUrl, late.Url);
        Assert.True(world.Emulator.IsStartUrlValid(late.Url));
        Assert.Equal(world.Clock.GetUtcNow(), late.IssuedAt);
        Assert.Equal(world.Clock.GetUtcNow() + ZoomMeetingsClient.StartUrlLifetime, late.ExpiresAt);

        // Stopping the emulator completes its request log, so the count is exact.
        await world.Emulator.DisposeAsync();
        var get = Assert.Single(world.Emulator.Requests, r => r.Method == "GET");
        Assert.EndsWith("meetings/" + meeting.Id, get.Path);
    }

    [Fact]
    public async Task AGivenLongerLifetimeKeepsTheStoredUrlAndAMissingOneIsFetched()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient().Client;
        var createdAt = world.Clock.GetUtcNow();
        var meeting = await zoom.CreateMeetingAsync("me", new CreateMeetingRequest { Topic = "custCreate host" }, world.Guard);

        world.Clock.Advance(TimeSpan.FromHours(3));
        var kept = await zoom.GetFreshStartUrlAsync(meeting, createdAt, lifetime: TimeSpan.FromDays(90), cancellationToken: world.Guard);
        Assert.Equal(meeting.StartUrl, kept.Url);
        Assert.Equal(createdAt + TimeSpan.FromDays(90), kept.ExpiresAt);
        Assert.DoesNotContain(world.Emulator.Requests, r => r.Method == "GET");

        var fetched = await zoom.GetFreshStartUrlAsync(meeting with { StartUrl = null }, createdAt, cancellationToken: world.Guard);
        Assert.True(world.Emulator.IsStartUrlValid(fetched.Url));
        Assert.NotEqual(meeting.StartUrl, fetched.Url);
    }
}
