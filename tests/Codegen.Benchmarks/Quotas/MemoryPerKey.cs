using Codegen.Runtime.Quotas;

namespace Codegen.Benchmarks.Quotas;

/// <summary>
/// Bytes each tracked key costs: GC.GetTotalMemory(true) before and after acquiring one permit for each of N keys. The
/// key strings, requests and counters are made before the first reading, so only the limiter's own state is counted.
/// </summary>
public static class MemoryPerKey
{
    public static void Run(int count)
    {
        var keys = QuotaFixture.Keys(count);
        var counters = QuotaFixture.Counters(keys);
        var requests = QuotaFixture.Requests(keys);
        var now = DateTimeOffset.UtcNow;

        Measure("InMemoryQuotaStore", count, () =>
        {
            var store = QuotaFixture.InMemoryStore();
            foreach (var c in counters) _ = store.TryAcquireAsync(c, now).Result;
            return store;
        });
        Measure("QuotaLimiter over InMemoryQuotaStore", count, () =>
        {
            var limiter = QuotaFixture.Limiter(QuotaFixture.InMemoryStore());
            foreach (var r in requests) limiter.AttemptAcquire(r).Dispose();
            return limiter;
        });
        Measure("PartitionedRateLimiter (fixed window per key)", count, () =>
        {
            var limiter = QuotaFixture.Theirs();
            foreach (var k in keys) limiter.AttemptAcquire(k).Dispose();
            return limiter;
        });
        GC.KeepAlive(keys);
        GC.KeepAlive(counters);
        GC.KeepAlive(requests);
    }

    private static void Measure(string name, int count, Func<object> fill)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = fill();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{name}: {(after - before) / (double)count:F1} bytes per key ({count:N0} keys, {(after - before) / 1024.0 / 1024.0:F1} MiB)");
        GC.KeepAlive(kept);
        (kept as IDisposable)?.Dispose();
    }
}
