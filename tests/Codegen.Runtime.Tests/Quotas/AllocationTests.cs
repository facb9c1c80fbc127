using Xunit;
using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Tests.Quotas;

// The in-memory acquire is the hot path of every call: once a counter's state exists it must not allocate.
public sealed class AllocationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static readonly QuotaPolicy Hourly = new()
    {
        Name = "hourly", PermitLimit = 1_000_000, Window = QuotaWindowKind.Fixed, Period = TimeSpan.FromHours(1),
    };

    private static readonly QuotaPolicy Daily = new()
    {
        Name = "daily", PermitLimit = 1_000_000, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "userId",
    };

    [Fact]
    public void AcquireOnOneCounterAllocatesNothingAfterWarmUp()
    {
        using var store = new InMemoryQuotaStore(TimeProvider.System, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        QuotaCounter[] counters = [new QuotaCounter(Hourly, string.Empty, 1_000_000)];

        var allocated = AllocatedBy(store, counters);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void AcquireOnTwoCountersAllocatesNothingAfterWarmUp()
    {
        using var store = new InMemoryQuotaStore(TimeProvider.System, new InMemoryQuotaStoreOptions { SweepInterval = Timeout.InfiniteTimeSpan });
        QuotaCounter[] counters = [new QuotaCounter(Daily, "host-1", 1_000_000), new QuotaCounter(Hourly, string.Empty, 1_000_000)];

        var allocated = AllocatedBy(store, counters);

        Assert.Equal(0, allocated);
    }

    // Bytes allocated on this thread by 1,000 granted acquires, after 100 to create the state and JIT the path.
    private static long AllocatedBy(InMemoryQuotaStore store, QuotaCounter[] counters)
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.True(store.TryAcquireAsync(counters, Now).Result.Acquired);
        }
        var granted = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            if (store.TryAcquireAsync(counters, Now).Result.Acquired)
            {
                granted++;
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_000, granted);
        return allocated;
    }
}
