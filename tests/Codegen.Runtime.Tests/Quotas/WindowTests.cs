using Xunit;
using System.Threading.RateLimiting;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class WindowTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly StoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public void FixedPerSecondWindowRefusesUntilTheNextSecond(string store)
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(400));
        var limiter = Zoom.Limiter(_stores.Create(store, time), time, o => o.Plan = "Free");
        var request = Zoom.Create("host@example.com", Zoom.ListMeetings);

        Assert.Equal(2, Zoom.CountGranted(limiter, request, 2));
        var refused = limiter.AttemptAcquire(request);

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(600), retryAfter);
        Assert.True(refused.TryGetMetadata(QuotaMetadataNames.RetryAt, out var retryAt));
        Assert.Equal(Start.AddSeconds(1), retryAt);
        Assert.True(refused.TryGetMetadata(QuotaMetadataNames.PolicyName, out var policy));
        Assert.Equal(Zoom.MediumName, policy);

        time.Advance(TimeSpan.FromMilliseconds(599));
        Assert.False(limiter.AttemptAcquire(request).IsAcquired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, Zoom.CountGranted(limiter, request, 3));
    }

    [Fact]
    public async Task AcquireAsyncWaitsForTheSecondToRollOver()
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(400));
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.Plan = "Free");
        var request = Zoom.Create("host@example.com", Zoom.ListMeetings);
        Assert.Equal(2, Zoom.CountGranted(limiter, request, 2));

        var pending = limiter.AcquireAsync(request).AsTask();
        Assert.False(pending.IsCompleted);
        Assert.Equal(1, limiter.GetStatistics(request)!.CurrentQueuedCount);
        time.Advance(TimeSpan.FromMilliseconds(600));

        Assert.True((await pending).IsAcquired);
    }

    [Fact]
    public void AttemptAcquireNeverWaits()
    {
        var time = new FakeTimeProvider(Start);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.Plan = "Free");
        var request = Zoom.Create("host@example.com", Zoom.ListMeetings);
        Zoom.CountGranted(limiter, request, 2);

        Assert.False(limiter.AttemptAcquire(request).IsAcquired);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task RollingWindowFreesEachPermitOnePeriodAfterItWasTaken(string store)
    {
        var rolling = new QuotaPolicy
        {
            Name = "exports-per-day", PermitLimit = 3, Window = QuotaWindowKind.Rolling, Period = TimeSpan.FromHours(24),
            PartitionParameter = "userId",
        };
        var time = new FakeTimeProvider(Start);
        var limiter = Zoom.Limiter(_stores.Create(store, time), time, api: Zoom.Api(rolling));
        var operation = new Codegen.Runtime.Transport.ApiOperation("export", HttpMethod.Post, "/users/{userId}/export", ["exports-per-day"]);
        var request = Zoom.Create("host", operation);

        Assert.True(limiter.AttemptAcquire(request).IsAcquired);          // 09:00
        time.Advance(TimeSpan.FromHours(6));
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);          // 15:00
        time.Advance(TimeSpan.FromHours(6));
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);          // 21:00
        time.Advance(TimeSpan.FromHours(6));                               // 03:00 next day: not a calendar reset
        var refused = (QuotaLease)limiter.AttemptAcquire(request);
        Assert.False(refused.IsAcquired);
        Assert.Equal(Start.AddHours(24), refused.RetryAt);

        time.SetUtcNow(Start.AddHours(24));
        Assert.True(limiter.AttemptAcquire(request).IsAcquired);          // the 09:00 permit left
        Assert.False(limiter.AttemptAcquire(request).IsAcquired);
        var status = await limiter.GetStatusAsync("exports-per-day", "host");
        Assert.Equal(3, status.Used);
        Assert.Equal(Start.AddHours(30), status.WindowEndsAt);             // when the 15:00 permit leaves
    }

    [Fact]
    public void WindowsAlignToUtcAndToTheEpoch()
    {
        var at = new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.FromHours(-10)); // 09:30 UTC next day
        Assert.Equal((new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)),
            QuotaWindows.Current(Zoom.Daily, at));
        var tenMinutes = Zoom.Medium with { Period = TimeSpan.FromMinutes(10) };
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero), QuotaWindows.Current(tenMinutes, at.AddMinutes(9)).Start);
    }
}
