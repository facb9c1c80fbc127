using Xunit;
using ZoomMeetings.Running;
using SampleApi = Zoom.Meetings;

namespace Codegen.EndToEnd.Tests.Zoom;

/// <summary>The sample's start_url helper over the sample's generated client, against the emulator's expiry.</summary>
public sealed class StartUrlFreshnessTests
{
    [Fact]
    public async Task CreateThenGetGivesAFreshStartUrlOnceTheStoredOneHasExpired()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = SampleClient(world);
        var request = new SampleApi.CreateMeetingRequest { Topic = "Start URL", Type = SampleApi.MeetingType.Scheduled, StartTime = "2026-11-30T09:00:00Z", Duration = 30 };

        var createdAt = world.Clock.GetUtcNow();
        var meeting = await zoom.Client.CreateMeetingAsync("me", request, world.Guard);
        var stored = StartUrlFreshness.StartUrlOf(meeting, createdAt)!;
        Assert.True(world.Emulator.IsStartUrlValid(stored.Url));
        Assert.Equal(world.Emulator.GetStartUrlExpiry(stored.Url), stored.ExpiresAt);

        // While fresh, the helper hands back the stored URL without asking Zoom.
        var early = await zoom.Client.EnsureFreshStartUrlAsync(meeting.Id, stored, cancellationToken: world.Guard);
        Assert.False(early.Refreshed);
        Assert.Same(stored, early.StartUrl);
        Assert.DoesNotContain(world.Emulator.Requests, r => r.Method == "GET");

        world.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        Assert.False(world.Emulator.IsStartUrlValid(stored.Url));

        var late = await zoom.Client.EnsureFreshStartUrlAsync(meeting.Id, stored, cancellationToken: world.Guard);
        Assert.True(late.Refreshed);
        Assert.NotEqual(stored.Url, late.StartUrl.Url);
        Assert.True(world.Emulator.IsStartUrlValid(late.StartUrl.Url));
        Assert.Equal(world.Clock.GetUtcNow() + TimeSpan.FromHours(2), late.StartUrl.ExpiresAt);
    }

    [Fact]
    public async Task AStartUrlWithLessThanTheMarginLeftIsRefreshedBeforeItExpires()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = SampleClient(world);
        var meeting = await zoom.Client.CreateMeetingAsync("me", new SampleApi.CreateMeetingRequest { Topic = "Margin" }, world.Guard);
        var stored = StartUrlFreshness.StartUrlOf(meeting, world.Clock.GetUtcNow())!;

        world.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        Assert.True(world.Emulator.IsStartUrlValid(stored.Url)); // still valid, but too close to hand to a person

        var fresh = await zoom.Client.EnsureFreshStartUrlAsync(meeting.Id, stored, margin: TimeSpan.FromMinutes(5), cancellationToken: world.Guard);
        Assert.True(fresh.Refreshed);
        Assert.True(world.Emulator.IsStartUrlValid(fresh.StartUrl.Url));
    }

    // The helper extends the sample's generated client, so these tests use that one.
    private static ZoomClient<SampleApi.ZoomMeetingsClient> SampleClient(ZoomWorld world) =>
        world.CreateClient<SampleApi.ZoomMeetingsClient>(
            SampleApi.ZoomMeetingsApi.Description,
            static (services, configure) => SampleApi.ZoomMeetingsClientServiceCollectionExtensions.AddZoomMeetingsClient(services, configure));
}
