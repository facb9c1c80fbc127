using Xunit;
using System.Net;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class PerSecondLimitTests
{
    private const string PerSecondBody =
        """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""";

    [Fact]
    public async Task The21stCreateInOneSecondGets429WithQpsHeaders()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        for (var i = 0; i < 20; i++)
        {
            using var ok = await s.CreateAsync($"user{i}@example.com", "{}", token);
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var response = await s.CreateAsync("late@example.com", "{}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(PerSecondBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("QPS", EmulatorSession.Header(response, "X-RateLimit-Type"));
        Assert.Equal("Medium", EmulatorSession.Header(response, "X-RateLimit-Category"));
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(0, s.Server.MeetingsCreated("late@example.com"));
        Assert.Equal(0, s.Server.DailyUsage("late@example.com"));
    }

    [Fact]
    public async Task NextSecondOfTheEmulatorClockAllowsCreatesAgain()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.MediumRequestsPerSecond = 2);
        var token = await s.GetTokenAsync();
        (await s.CreateAsync("me", "{}", token)).Dispose();
        (await s.CreateAsync("me", "{}", token)).Dispose();
        using var limited = await s.CreateAsync("me", "{}", token);

        s.Clock.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task GetMeetingCountsAgainstTheLightLabelNotMedium()
    {
        await using var s = await EmulatorSession.StartAsync(o =>
        {
            o.MediumRequestsPerSecond = 1;
            o.LightRequestsPerSecond = 3;
        });
        var token = await s.GetTokenAsync();
        using var created = await s.CreateAsync("me", "{}", token);
        var id = ((long)(await EmulatorSession.ReadObjectAsync(created))["id"]!).ToString();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await s.GetMeetingAsync(id, token);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Equal("Light", EmulatorSession.Header(response, "X-RateLimit-Category"));
                Assert.Equal(PerSecondBody, await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
