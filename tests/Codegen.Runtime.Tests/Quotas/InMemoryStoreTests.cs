using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class InMemoryStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly QuotaPolicy PerHostPerSecond = new()
    {
        Name = "per-host-second", PermitLimit = 5, Window = QuotaWindowKind.Fixed, Period = TimeSpan.FromSeconds(1), PartitionParameter = "userId",
    };

    [Fact]
    public async Task ExpiredWindowsAreSweptSoTrackedKeysDrop()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time, new InMemoryQuotaStoreOptions { SweepInterval = TimeSpan.FromMinutes(1) });
        for (var i = 0; i < 10_000; i++)
        {
            var result = await store.TryAcquireAsync([new QuotaCounter(PerHostPerSecond, $"user{i}", 5)], time.GetUtcNow());
            Assert.True(result.Acquired);
        }
        await store.BlockAsync(new QuotaCounter(PerHostPerSecond, "blocked", 5), Start.AddMinutes(5), Start);
        Assert.Equal(10_001, store.TrackedKeyCount);

        time.Advance(TimeSpan.FromMinutes(1)); // the sweep timer fires

        Assert.Equal(1, store.TrackedKeyCount); // only the live block is kept
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, store.TrackedKeyCount);
    }

    [Fact]
    public async Task AFullStoreRefusesNewKeysUntilWindowsExpire()
    {
        var time = new FakeTimeProvider(Start);
        using var store = new InMemoryQuotaStore(time, new InMemoryQuotaStoreOptions { MaxKeys = 3, SweepInterval = Timeout.InfiniteTimeSpan });
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await store.TryAcquireAsync([new QuotaCounter(PerHostPerSecond, $"user{i}", 5)], Start)).Acquired);
        }

        var full = await store.TryAcquireAsync([new QuotaCounter(PerHostPerSecond, "user3", 5)], Start);
        Assert.False(full.Acquired);
        Assert.Equal(QuotaRefusalReason.StoreUnavailable, full.Reason);
        // A key already tracked still works.
        Assert.True((await store.TryAcquireAsync([new QuotaCounter(PerHostPerSecond, "user0", 5)], Start)).Acquired);

        // Once their windows end, a new key sweeps them out and fits.
        Assert.True((await store.TryAcquireAsync([new QuotaCounter(PerHostPerSecond, "user3", 5)], Start.AddSeconds(1))).Acquired);
        Assert.Equal(1, store.TrackedKeyCount);
    }

    [Fact]
    public async Task PolicyObjectsWithTheSameNameShareOneCountHoweverManyThereAre()
    {
        using var store = new InMemoryQuotaStore(null, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        // 50 copies: more than the store remembers by reference, so later ones take the by-name path.
        for (var i = 0; i < 50; i++)
        {
            var copy = PerHostPerSecond with { Description = $"copy {i}" };
            var result = await store.TryAcquireAsync([new QuotaCounter(copy, "alice", 100)], Start);
            Assert.True(result.Acquired);
            Assert.Equal(100 - (i + 1), result.Remaining);
        }
        Assert.Equal(1, store.TrackedKeyCount);
    }

    [Fact]
    public async Task AFixedWindowCountsAgainFromZeroInTheNextWindowAndNotBeforeIt()
    {
        using var store = new InMemoryQuotaStore(null, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        QuotaCounter[] alice = [new QuotaCounter(PerHostPerSecond, "alice", 2)];

        Assert.True((await store.TryAcquireAsync(alice, Start.AddMilliseconds(900))).Acquired);
        Assert.True((await store.TryAcquireAsync(alice, Start.AddMilliseconds(100))).Acquired); // a caller whose clock is behind
        var refused = await store.TryAcquireAsync(alice, Start.AddMilliseconds(999));
        Assert.False(refused.Acquired);
        Assert.Equal(Start.AddSeconds(1), refused.RetryAt);

        Assert.True((await store.TryAcquireAsync(alice, Start.AddSeconds(1))).Acquired);
        Assert.True((await store.TryAcquireAsync(alice, Start.AddMilliseconds(1999))).Acquired);
        Assert.False((await store.TryAcquireAsync(alice, Start.AddMilliseconds(1999))).Acquired);
    }

    [Fact]
    public void InvalidStoreOptionsAreAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => new InMemoryQuotaStore(null, new InMemoryQuotaStoreOptions { MaxKeys = 0 }));
        Assert.Contains("MaxKeys must be at least 1 (was 0)", error.Message);
    }
}

// Measures retained memory, so it runs alone.
[CollectionDefinition(nameof(MemoryFootprint), DisableParallelization = true)]
public sealed class MemoryFootprint
{
}

[Collection(nameof(MemoryFootprint))]
public sealed class InMemoryStoreFootprintTests
{
    [Fact]
    public async Task PerKeyStateStaysUnder200BytesIncludingTheKey()
    {
        const int keys = 100_000;
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        using var store = new InMemoryQuotaStore(null, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        var counters = new QuotaCounter[1];
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < keys; i++)
        {
            counters[0] = new QuotaCounter(Zoom.Daily, $"host{i:D6}@example.com", 100); // a 23-character e-mail key
            await store.TryAcquireAsync(counters, now);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);
        var perKey = (after - before) / (double)keys;
        Assert.Equal(keys, store.TrackedKeyCount);
        Assert.True(perKey < 200, $"{perKey:F0} bytes per key");
    }
}
