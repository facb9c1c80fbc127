using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class ReturnTests : IDisposable
{
    private readonly StoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task ReturnGivesThePermitBackOnce(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time, o => o.SetLimit(Zoom.DailyName, 2));
        var request = Zoom.Create("host@example.com");
        var first = (QuotaLease)await limiter.AcquireAsync(request);
        Assert.True((await limiter.AcquireAsync(request)).IsAcquired);
        Assert.False(limiter.AttemptAcquire(request).IsAcquired);

        await limiter.ReturnAsync(first);
        await limiter.ReturnAsync(first); // a second return gives nothing more

        Assert.Equal(1, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
        Assert.Equal(1, Zoom.CountGranted(limiter, request, 3));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task ReturnAfterTheWindowEndedGivesNothingBack(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 59, 59, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);
        var request = Zoom.Create("host@example.com");
        var yesterday = (QuotaLease)await limiter.AcquireAsync(request);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True((await limiter.AcquireAsync(request)).IsAcquired);

        await limiter.ReturnAsync(yesterday);

        Assert.Equal(1, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }

    [Fact]
    public async Task ARefusedLeaseHasNothingToReturn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time, o => o.SetLimit(Zoom.DailyName, 1));
        var request = Zoom.Create("host@example.com");
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);
        var refused = (QuotaLease)limiter.AttemptAcquire(request);

        await limiter.ReturnAsync(refused);

        Assert.Equal(1, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }

    [Fact]
    public async Task DisposingALeaseKeepsThePermitUsed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time);
        using (var lease = limiter.AttemptAcquire(Zoom.Create("host@example.com")))
        {
            Assert.True(lease.IsAcquired);
        }

        Assert.Equal(1, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }

    [Fact]
    public void ZeroPermitsChecksWithoutTakingAndMoreThanOneIsRefusedClearly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time, o => o.SetLimit(Zoom.DailyName, 1));
        var request = Zoom.Create("host@example.com");

        Assert.True(limiter.AttemptAcquire(request, 0).IsAcquired);
        Assert.True(limiter.AttemptAcquire(request, 1).IsAcquired); // the check took nothing
        Assert.False(limiter.AttemptAcquire(request, 0).IsAcquired);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(request, 2));
        Assert.Contains("A quota permit is taken per attempt", error.Message);
    }
}
