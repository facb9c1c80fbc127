using Xunit;
using System.Net;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class DailyLimitTests
{
    private const string DailyLimitBody =
        """{"code":429,"message":"You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."}""";

    /// <summary>Makes 100 creates for <paramref name="userId"/>, moving the clock a second every 20 to stay under the per-second limit.</summary>
    private static async Task UseUpTheDayAsync(EmulatorSession s, string userId, string token)
    {
        for (var i = 1; i <= 100; i++)
        {
            using var response = await s.CreateAsync(userId, "{}", token);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal((100 - i).ToString(), EmulatorSession.Header(response, "X-RateLimit-Remaining"));
            if (i % 20 == 0)
            {
                s.Clock.Advance(TimeSpan.FromSeconds(1));
            }
        }
    }

    [Fact]
    public async Task HundredCreatesSucceedAndThe101stGets429WithZoomsBodyAndHeaders()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        await UseUpTheDayAsync(s, "me", token);

        using var response = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(DailyLimitBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("Medium", EmulatorSession.Header(response, "X-RateLimit-Category"));
        Assert.Equal("Daily-limit", EmulatorSession.Header(response, "X-RateLimit-Type"));
        Assert.Equal("100", EmulatorSession.Header(response, "X-RateLimit-Limit"));
        Assert.Equal("0", EmulatorSession.Header(response, "X-RateLimit-Remaining"));
        Assert.Equal("2026-11-27T00:00:00Z", EmulatorSession.Header(response, "Retry-After"));
        Assert.Equal(100, s.Server.MeetingsCreated("me"));
        Assert.Equal(101, s.Server.CreateRequestsReceived("me"));
    }

    [Fact]
    public async Task WithoutHeadersThe101stGetsTheSameBodyAndNoRateLimitHeaders()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        for (var i = 0; i < 100; i++)
        {
            s.Server.SendRateLimitHeaders = i % 2 == 0; // the switch works at run time
            using var ok = await s.CreateAsync("me", "{}", token);
            Assert.Equal(i % 2 == 0, ok.Headers.Contains("X-RateLimit-Remaining"));
            s.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        s.Server.SendRateLimitHeaders = false;
        using var response = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(DailyLimitBody, await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task LimitIsPerHostUserComparedCaseInsensitively()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        await UseUpTheDayAsync(s, "alice@example.com", token);

        using var sameUser = await s.CreateAsync("ALICE@Example.COM", "{}", token);
        using var otherUser = await s.CreateAsync("bob@example.com", "{}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, sameUser.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherUser.StatusCode);
        Assert.Equal("99", EmulatorSession.Header(otherUser, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task AllowanceComesBackAtMidnightUtcOfTheEmulatorClock()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        await UseUpTheDayAsync(s, "me", token);

        var midnight = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
        s.Clock.Advance(midnight - s.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        using (var justBefore = await s.CreateAsync("me", "{}", await s.GetTokenAsync()))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, justBefore.StatusCode);
        }

        s.Clock.Advance(TimeSpan.FromSeconds(1));
        using var afterMidnight = await s.CreateAsync("me", "{}", await s.GetTokenAsync());

        Assert.Equal(HttpStatusCode.Created, afterMidnight.StatusCode);
        Assert.Equal("99", EmulatorSession.Header(afterMidnight, "X-RateLimit-Remaining"));
        Assert.Equal(1, s.Server.DailyUsage("me"));
    }

    [Fact]
    public async Task ConcurrentCreatesForOneHostNeverGetMoreThanTheDailyLimit()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.MediumRequestsPerSecond = int.MaxValue);
        var token = await s.GetTokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 130).Select(_ => s.CreateAsync("me", "{}", token)));

        Assert.Equal(100, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(100, s.Server.MeetingsCreated("me"));
        Assert.Equal(130, s.Server.CreateRequestsReceived("me"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
