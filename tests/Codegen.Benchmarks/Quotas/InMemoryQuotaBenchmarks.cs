using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;

namespace Codegen.Benchmarks.Quotas;

/// <summary>
/// Benchmark 4: one permit per call, in memory. Ours through the QuotaLimiter (what the client pipeline calls) and the
/// store alone, vs System.Threading.RateLimiting's PartitionedRateLimiter with a fixed window per key. Each invocation
/// makes <see cref="Ops"/> acquires spread over <see cref="Threads"/> threads, cycling through <see cref="Keys"/> keys
/// (every key is created in GlobalSetup, so 1 M keys measures lookups in a full table). Mean = time per acquire;
/// throughput ratio = 1 / time ratio.
/// </summary>
[BenchmarkCategory("Quota")]
public class InMemoryQuotaBenchmarks
{
    private const int Ops = 16_384;

    [Params(1, 16)]
    public int Threads { get; set; }

    [Params(1, 1_000_000)]
    public int Keys { get; set; }

    private string[] _keys = null!;
    private ApiRequest[] _requests = null!;
    private QuotaCounter[][] _counters = null!;
    private InMemoryQuotaStore _store = null!;
    private InMemoryQuotaStore _limiterStore = null!;
    private QuotaLimiter _limiter = null!;
    private PartitionedRateLimiter<string> _theirs = null!;
    private int _cursor;

    [GlobalSetup]
    public void Setup()
    {
        _keys = QuotaFixture.Keys(Keys);
        _requests = QuotaFixture.Requests(_keys);
        _counters = QuotaFixture.Counters(_keys);
        _store = QuotaFixture.InMemoryStore();
        _limiterStore = QuotaFixture.InMemoryStore();
        _limiter = QuotaFixture.Limiter(_limiterStore);
        _theirs = QuotaFixture.Theirs();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (!_store.TryAcquireAsync(_counters[i], now).Result.Acquired) throw new InvalidOperationException("store refused");
            using var a = _limiter.AttemptAcquire(_requests[i]);
            using var b = _theirs.AttemptAcquire(_keys[i]);
            if (!a.IsAcquired || !b.IsAcquired) throw new InvalidOperationException("limiter refused");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _limiter.Dispose();
        _store.Dispose();
        _limiterStore.Dispose();
        _theirs.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public int RateLimitingPartitioned() => Run(i =>
    {
        using var lease = _theirs.AttemptAcquire(_keys[i]);
        return lease.IsAcquired;
    });

    [Benchmark(OperationsPerInvoke = Ops)]
    public int QuotaLimiterInMemory() => Run(i =>
    {
        using var lease = _limiter.AttemptAcquire(_requests[i]);
        return lease.IsAcquired;
    });

    // The store's own work: the caller (the limiter) reads the clock, so the moment is read once per invocation here.
    [Benchmark(OperationsPerInvoke = Ops)]
    public int InMemoryStoreAlone()
    {
        var now = DateTimeOffset.UtcNow;
        return Run(i =>
        {
            var pending = _store.TryAcquireAsync(_counters[i], now);
            return pending.IsCompletedSuccessfully ? pending.Result.Acquired : pending.AsTask().GetAwaiter().GetResult().Acquired;
        });
    }

    private int Run(Func<int, bool> acquire)
    {
        var start = _cursor;
        _cursor = (_cursor + Ops) % _keys.Length;
        var keys = _keys.Length;
        if (Threads == 1)
        {
            var granted = 0;
            for (var i = 0; i < Ops; i++)
            {
                if (acquire((start + i) % keys)) granted++;
            }
            return granted;
        }
        var perThread = Ops / Threads;
        var total = 0;
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            var granted = 0;
            var offset = start + t * perThread;
            for (var i = 0; i < perThread; i++)
            {
                if (acquire((offset + i) % keys)) granted++;
            }
            Interlocked.Add(ref total, granted);
        });
        return total;
    }
}
