using Xunit;
using System.Net;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class ServerFeedbackTests : IDisposable
{
    private const string DailyBody = """{"code":429,"message":"You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."}""";
    private const string PerSecondBody = """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""";
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Midnight = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private readonly StoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task DailyLimitBodyWithoutHeadersBlocksThatHostUntilUtcMidnight(string store)
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.Limiter(_stores.Create(store, time), time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        await limiter.ObserveResponseAsync(Zoom.Create("Host@Example.com"), response, DailyBody);

        var refused = (QuotaLease)limiter.AttemptAcquire(Zoom.Create("host@example.com"));
        Assert.False(refused.IsAcquired);
        Assert.Equal(QuotaRefusalReason.BlockedByServer, refused.Reason);
        Assert.Equal(Zoom.DailyName, refused.PolicyName);
        Assert.Equal(Midnight, refused.RetryAt);
        Assert.False(limiter.AttemptAcquire(Zoom.Create("HOST@EXAMPLE.COM")).IsAcquired);
        Assert.True(limiter.AttemptAcquire(Zoom.Create("other@example.com")).IsAcquired);

        time.SetUtcNow(Midnight.AddTicks(-1));
        Assert.False(limiter.AttemptAcquire(Zoom.Create("host@example.com")).IsAcquired);
        time.SetUtcNow(Midnight);
        Assert.True(limiter.AttemptAcquire(Zoom.Create("host@example.com")).IsAcquired);
    }

    [Fact]
    public async Task DailyLimitTypeHeaderHonoursAnIsoRetryAfter()
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Type", "Daily-limit");
        response.Headers.TryAddWithoutValidation("Retry-After", "2026-11-27T06:00:00Z");

        await limiter.ObserveResponseAsync(Zoom.Create("host@example.com"), response, body: null);

        var status = await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com");
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), status.BlockedUntil);
        // The per-second label is not blocked by a daily limit.
        Assert.Null((await limiter.GetStatusAsync(Zoom.MediumName, null)).BlockedUntil);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task QpsResponseWithRetryAfterBlocksTheLabelUntilThen(string store)
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.Limiter(_stores.Create(store, time), time, o => o.MaxWait = TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Type", "QPS");
        response.Headers.TryAddWithoutValidation("Retry-After", "5");

        await limiter.ObserveResponseAsync(Zoom.Create("host@example.com"), response, body: "{}");

        // The label is account-wide: every host waits, for every Medium operation.
        var refused = (QuotaLease)limiter.AttemptAcquire(Zoom.Create("other@example.com", Zoom.ListMeetings));
        Assert.False(refused.IsAcquired);
        Assert.Equal(Zoom.MediumName, refused.PolicyName);
        Assert.Equal(Morning.AddSeconds(5), refused.RetryAt);
        Assert.Null((await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).BlockedUntil);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.AttemptAcquire(Zoom.Create("host@example.com")).IsAcquired);
    }

    [Fact]
    public async Task PerSecondMessageWithoutHeadersBlocksTheLabelForOneSecond()
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        await limiter.ObserveResponseAsync(Zoom.Create("host@example.com"), response, PerSecondBody);

        Assert.Equal(Morning.AddSeconds(1), (await limiter.GetStatusAsync(Zoom.MediumName, null)).BlockedUntil);
        Assert.Null((await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).BlockedUntil);
    }

    [Fact]
    public async Task AcquireAsyncWaitsOutAShortServerBlock()
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        await limiter.ObserveResponseAsync(Zoom.Create("host@example.com"), response, PerSecondBody);

        var pending = limiter.AcquireAsync(Zoom.Create("host@example.com")).AsTask();
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True((await pending).IsAcquired);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task RemainingHeaderLowersTheLocalDailyCount(string store)
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);
        var request = Zoom.Create("host@example.com");
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);
        using var ok = new HttpResponseMessage(HttpStatusCode.Created);
        ok.Headers.Add("X-RateLimit-Limit", "100");
        ok.Headers.Add("X-RateLimit-Remaining", "3");

        await limiter.ObserveResponseAsync(request, ok, body: null);

        var status = await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com");
        Assert.Equal(97, status.Used);
        Assert.Equal(3, Zoom.CountGranted(limiter, request, 10));
    }

    [Fact]
    public async Task RemainingOfAnotherQuotaDoesNotTouchTheDailyCount()
    {
        var time = new FakeTimeProvider(Morning);
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time);
        var request = Zoom.Create("host@example.com");
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);
        // What Zoom really sent with a daily-limit 429: the account's Light quota.
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Category", "Light");
        response.Headers.Add("X-RateLimit-Limit", "6000");
        response.Headers.Add("X-RateLimit-Remaining", "5893");

        await limiter.ObserveResponseAsync(request, response, body: null);

        Assert.Equal(1, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }

    [Fact]
    public async Task ServerBlockIsLoggedAtWarningWithoutTheHostAddress()
    {
        var time = new FakeTimeProvider(Morning);
        var logger = new FakeLogger<QuotaLimiter>();
        var limiter = new QuotaLimiter(Zoom.Api(), new InMemoryQuotaStore(time), new QuotaOptions(), time, logger);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        await limiter.ObserveResponseAsync(Zoom.Create("secret.host@example.com"), response, DailyBody);

        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains(Zoom.DailyName, warning.Message);
        Assert.Contains("s***", warning.Message);
        Assert.DoesNotContain("secret.host", warning.Message);
    }
}
