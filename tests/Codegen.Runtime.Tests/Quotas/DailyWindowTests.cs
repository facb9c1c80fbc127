using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class DailyWindowTests : IDisposable
{
    private readonly StoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory", -10)]
    [InlineData("memory", 14)]
    [InlineData("sqlite", -10)]
    [InlineData("sqlite", 14)]
    public void DailyLimitResetsAtUtcMidnightInAnyTimeZone(string store, int utcOffsetHours)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone($"Test{utcOffsetHours}", TimeSpan.FromHours(utcOffsetHours), "test", "test"));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);
        var request = Zoom.Create("host@example.com");

        Assert.Equal(100, Zoom.CountGranted(limiter, request, 100));
        time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 23, 59, 59, 999, TimeSpan.Zero));
        // Local midnight has long passed (UTC+14) or is far away (UTC-10): only the UTC day counts.
        Assert.Equal(TimeSpan.FromHours(utcOffsetHours), time.GetLocalNow().Offset);

        var refused = (QuotaLease)limiter.AttemptAcquire(request);
        Assert.False(refused.IsAcquired);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), refused.RetryAt);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public void EachHostUserHasItsOwnDailyCount(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);

        Assert.Equal(100, Zoom.CountGranted(limiter, Zoom.Create("a@example.com"), 101));
        Assert.Equal(100, Zoom.CountGranted(limiter, Zoom.Create("b@example.com"), 101));
        // The same e-mail in other case is the same host.
        Assert.False(limiter.AttemptAcquire(Zoom.Create("A@Example.COM")).IsAcquired);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task StatusReportsUsedRemainingAndWindowEnd(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);
        Zoom.CountGranted(limiter, Zoom.Create("Host@Example.com"), 7);

        var status = await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com");

        Assert.Equal(7, status.Used);
        Assert.Equal(93, status.Remaining);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), status.WindowEndsAt);
        Assert.Null(status.BlockedUntil);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(async () => await limiter.GetStatusAsync("nope", null));
        Assert.Contains("meeting-create-update", unknown.Message);
    }
}
