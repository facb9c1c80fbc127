using System.Threading.RateLimiting;
using Xunit;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

// The limiter calls the in-memory store directly (no ValueTask, no counter array for a one-policy operation), and the
// store keeps keys in per-processor shards of string dictionaries. These tests pin what that path must still promise.
public sealed class InMemoryLimiterPathTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly QuotaPolicy PerKeyPerSecond = new()
    {
        Name = "per-key-second", PermitLimit = 3, Window = QuotaWindowKind.Fixed, Period = TimeSpan.FromSeconds(1), PartitionParameter = "key",
    };

    private static readonly ApiOperation Get = new("get", HttpMethod.Get, "/keys/{key}", [PerKeyPerSecond.Name]);

    [Fact]
    public async Task KeysThatDifferInOneCharacterNeverShareACount()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        using var limiter = Limiter(store, time);
        // Sequential ids, and ids equal in length, first, middle and last character (the same shard).
        var keys = Enumerable.Range(0, 2_000).Select(i => $"user-{i:D7}")
            .Concat(Enumerable.Range(0, 500).Select(i => $"a{i:D3}m{i:D3}z"))
            .ToArray();

        foreach (var key in keys)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True(limiter.AttemptAcquire(Request(key)).IsAcquired, $"grant {i + 1} of {key}");
            }
        }

        foreach (var key in keys)
        {
            Assert.False(limiter.AttemptAcquire(Request(key)).IsAcquired, key);
            Assert.Equal(3, (await limiter.GetStatusAsync(PerKeyPerSecond.Name, key)).Used);
        }
        Assert.Equal(keys.Length, store.TrackedKeyCount);
    }

    [Fact]
    public async Task SweepingSomeKeysLeavesTheOthersCountsExact()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        var daily = new QuotaPolicy { Name = "daily", PermitLimit = 5, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "key" };
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True((await store.TryAcquireAsync([new QuotaCounter(PerKeyPerSecond, $"k{i}", 3)], Start)).Acquired);
            Assert.True((await store.TryAcquireAsync([new QuotaCounter(daily, $"k{i}", 5)], Start)).Acquired);
        }

        Assert.Equal(1_000, store.RemoveExpired(Start.AddSeconds(2))); // the per-second windows ended; the days did not

        for (var i = 0; i < 1_000; i++)
        {
            var status = await store.GetStatusAsync(new QuotaCounter(daily, $"k{i}", 5), Start.AddSeconds(2));
            Assert.Equal(1, status.Used);
        }
        Assert.Equal(1_000, store.TrackedKeyCount);
    }

    [Fact]
    public async Task AOnePolicyLeaseNamesItsCounterAndGivesItsPermitBack()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        using var limiter = Limiter(store, time);

        var lease = (QuotaLease)limiter.AttemptAcquire(Request("alice"));

        Assert.True(lease.IsAcquired);
        var counter = Assert.Single(lease.Counters);
        Assert.Equal(PerKeyPerSecond.Name, counter.Policy.Name);
        Assert.Equal("alice", counter.PartitionKey);
        Assert.Equal(3, counter.Limit);
        Assert.Equal(2, lease.Remaining);
        Assert.Equal(Start, lease.At);

        await limiter.ReturnAsync(lease);
        Assert.Equal(0, (await limiter.GetStatusAsync(PerKeyPerSecond.Name, "alice")).Used);
    }

    [Fact]
    public void AnAttemptOnTheInMemoryStoreAllocatesOnlyItsLease()
    {
        using var store = new InMemoryQuotaStore(TimeProvider.System, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        var policy = PerKeyPerSecond with { PermitLimit = 1_000_000_000, Period = TimeSpan.FromHours(1) };
        using var limiter = new QuotaLimiter(new ApiDescription("Api", new Uri("https://api.example/"), [policy]), store, new QuotaOptions(), TimeProvider.System);
        var request = Request("alice");
        for (var i = 0; i < 100; i++)
        {
            limiter.AttemptAcquire(request).Dispose();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            using var lease = limiter.AttemptAcquire(request);
            Assert.True(lease.IsAcquired);
        }
        var perAttempt = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000.0;

        // One lease object (80 B on 64-bit; the clock's once-a-second anchor may add a few bytes on average); a
        // counter array beside it would add 48 B.
        Assert.InRange(perAttempt, 1, 100);
    }

    [Fact]
    public async Task AGrantedAcquireAsyncCompletesWithoutWaiting()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        using var limiter = Limiter(store, time);

        var pending = limiter.AcquireAsync(Request("alice"));

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.True((await pending).IsAcquired);
    }

    [Fact]
    public async Task AcquireAsyncStillWaitsForTheNextWindowWhenItIsNear()
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(600));
        using var store = new InMemoryQuotaStore(time);
        using var limiter = Limiter(store, time);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AttemptAcquire(Request("alice")).IsAcquired);
        }

        var pending = limiter.AcquireAsync(Request("alice")).AsTask();
        Assert.False(pending.IsCompleted); // refused now, but the window ends in 400 ms, within MaxWait (1 s)

        time.Advance(TimeSpan.FromMilliseconds(400));
        var lease = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(lease.IsAcquired);
        Assert.Equal(1, (await limiter.GetStatusAsync(PerKeyPerSecond.Name, "alice")).Used);
    }

    [Fact]
    public async Task AcquireAsyncRefusesAtOnceWhenTheWaitWouldBeTooLong()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        using var limiter = Limiter(store, time, o => o.MaxWait = TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AttemptAcquire(Request("alice")).IsAcquired);
        }

        var lease = (QuotaLease)await limiter.AcquireAsync(Request("alice"));

        Assert.False(lease.IsAcquired);
        Assert.Equal(QuotaRefusalReason.LimitReached, lease.Reason);
        Assert.Equal(Start.AddSeconds(1), lease.RetryAt);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
    }

    [Fact]
    public async Task AcquireAsyncWithACanceledTokenEndsCanceledAndTakesNothing()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        using var limiter = Limiter(store, time);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.AcquireAsync(Request("alice"), 1, new CancellationToken(canceled: true)).AsTask());

        Assert.Equal(0, (await limiter.GetStatusAsync(PerKeyPerSecond.Name, "alice")).Used);
    }

    [Fact]
    public async Task StatisticsCountEveryGrantAndRefusalFromManyThreads()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        var policy = PerKeyPerSecond with { PermitLimit = 5_000 };
        using var limiter = new QuotaLimiter(new ApiDescription("Api", new Uri("https://api.example/"), [policy]), store, new QuotaOptions(), time);
        var request = Request("alice");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                limiter.AttemptAcquire(request).Dispose();
            }
        })));

        var statistics = limiter.GetStatistics(request)!;
        Assert.Equal(5_000, statistics.TotalSuccessfulLeases);
        Assert.Equal(3_000, statistics.TotalFailedLeases);
        Assert.Equal(0, statistics.CurrentAvailablePermits);
    }

    [Fact]
    public void ARequestWithTwoPartitionValuesKeysEachPolicyByItsOwn()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time);
        var byUser = new QuotaPolicy { Name = "by-user", PermitLimit = 2, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "userId" };
        var byMeeting = new QuotaPolicy { Name = "by-meeting", PermitLimit = 1, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "meetingId" };
        var operation = new ApiOperation("update", HttpMethod.Patch, "/users/{userId}/meetings/{meetingId}", ["by-user", "by-meeting"]);
        using var limiter = new QuotaLimiter(new ApiDescription("Api", new Uri("https://api.example/"), [byUser, byMeeting]), store, new QuotaOptions(), time);

        ApiRequest Update(string user, string meeting)
        {
            var request = new ApiRequest(operation, $"/users/{user}/meetings/{meeting}");
            request.SetPartitionValue("userId", user);
            request.SetPartitionValue("meetingId", meeting);
            return request;
        }

        Assert.Equal(["alice", "m1"], limiter.CountersFor(Update("alice", "m1")).Select(c => c.PartitionKey));
        Assert.True(limiter.AttemptAcquire(Update("alice", "m1")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(Update("alice", "m1")).IsAcquired); // m1 used its one
        Assert.True(limiter.AttemptAcquire(Update("alice", "m2")).IsAcquired);
        Assert.False(limiter.AttemptAcquire(Update("alice", "m3")).IsAcquired); // alice used her two
    }

    private static QuotaLimiter Limiter(IQuotaStore store, TimeProvider time, Action<QuotaOptions>? configure = null)
    {
        var options = new QuotaOptions();
        configure?.Invoke(options);
        return new QuotaLimiter(new ApiDescription("Api", new Uri("https://api.example/"), [PerKeyPerSecond]), store, options, time);
    }

    private static ApiRequest Request(string key)
    {
        var request = new ApiRequest(Get, "/keys/" + key);
        request.SetPartitionValue("key", key);
        return request;
    }
}
