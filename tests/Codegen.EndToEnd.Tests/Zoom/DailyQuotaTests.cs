using System.Net;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Quotas.Sqlite;
using Xunit;

namespace Codegen.EndToEnd.Tests.Zoom;

/// <summary>Zoom's 100 creates per host per UTC day, kept by the client's quota limiter over real HTTP.</summary>
public sealed class DailyQuotaTests
{
    private const string DailyPolicy = "meeting-create-update";

    [Fact]
    public async Task HundredCreatesForOneHostSucceedAndTheHundredAndFirstIsRefusedLocallyWithoutAnHttpRequest()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient();

        await world.CreateManyAsync(zoom.Client, 100);
        Assert.Equal(100, world.Emulator.MeetingsCreated("me"));
        var tokenRequestsBefore = world.Emulator.TokenRequestCount;

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => zoom.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));

        Assert.Equal(DailyPolicy, refused.PolicyName);
        Assert.Equal(QuotaRefusalReason.LimitReached, refused.Reason);
        Assert.Equal(ZoomWorld.NextUtcMidnight, refused.RetryAt);
        Assert.Contains(DailyPolicy, refused.Message);
        Assert.Contains("2026-11-27T00:00:00Z", refused.Message);
        Assert.Equal(100, world.Emulator.CreateRequestsReceived("me"));
        Assert.Equal(100, world.CreatesReceived);
        Assert.Equal(tokenRequestsBefore, world.Emulator.TokenRequestCount); // not even a token request
    }

    [Fact]
    public async Task TheDailyCountIsPerHostSoAnotherHostCanStillCreate()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient();
        await world.CreateManyAsync(zoom.Client, 100);

        var other = await zoom.Client.CreateMeetingAsync("colleague@example.com", ZoomWorld.WeeklyMeeting(), world.Guard);

        Assert.Equal("colleague@example.com", other.HostEmail);
        var status = await zoom.Limiter.GetStatusAsync(DailyPolicy, "colleague@example.com", world.Guard);
        Assert.Equal(99, status.Remaining);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // Zoom often sends no rate-limit headers: the body alone must be enough
    public async Task ASecondClientWithItsOwnStoreGetsZoomsDailyLimitAndThenBlocksTheHostUntilUtcMidnight(bool rateLimitHeaders)
    {
        await using var world = await ZoomWorld.StartAsync(options => options.SendRateLimitHeaders = rateLimitHeaders);
        var first = world.CreateClient();
        var second = world.CreateClient(); // its own in-memory store: it knows nothing of the first client's 100
        await world.CreateManyAsync(first.Client, 100);

        var answer = await Assert.ThrowsAsync<ApiException>(() => second.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(RateLimitKind.Daily, answer.RateLimitKind);
        Assert.Equal(101, world.CreatesReceived);

        var status = await second.Limiter.GetStatusAsync(DailyPolicy, "me", world.Guard);
        Assert.Equal(ZoomWorld.NextUtcMidnight, status.BlockedUntil);

        world.Clock.Advance(TimeSpan.FromHours(1));
        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => second.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));
        Assert.Equal(DailyPolicy, refused.PolicyName);
        Assert.Equal(QuotaRefusalReason.BlockedByServer, refused.Reason);
        Assert.Equal(ZoomWorld.NextUtcMidnight, refused.RetryAt);
        Assert.Equal(101, world.CreatesReceived);
    }

    [Fact]
    public async Task AfterUtcMidnightTheBlockedHostCanCreateAgain()
    {
        await using var world = await ZoomWorld.StartAsync();
        var first = world.CreateClient();
        var second = world.CreateClient();
        await world.CreateManyAsync(first.Client, 100);
        await Assert.ThrowsAsync<ApiException>(() => second.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));

        world.Clock.AdjustTime(ZoomWorld.NextUtcMidnight + TimeSpan.FromSeconds(1));
        var meeting = await second.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard);

        Assert.True(meeting.Id > 0);
        Assert.Equal(102, world.CreatesReceived);
    }

    [Fact]
    public async Task WithASharedSqliteStoreTheSecondClientIsRefusedLocally()
    {
        using var folder = new TempFolder();
        var path = folder.File("quotas.db");
        await using var world = await ZoomWorld.StartAsync();
        // Two stores over one file: what two processes of one application see.
        var first = world.CreateClient(new SqliteQuotaStore(path));
        var second = world.CreateClient(new SqliteQuotaStore(path));
        await world.CreateManyAsync(first.Client, 100);

        var refused = await Assert.ThrowsAsync<QuotaExceededException>(() => second.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));

        Assert.Equal(DailyPolicy, refused.PolicyName);
        Assert.Equal(QuotaRefusalReason.LimitReached, refused.Reason);
        Assert.Equal(ZoomWorld.NextUtcMidnight, refused.RetryAt);
        Assert.Equal(100, world.CreatesReceived);
    }
}
