using BenchmarkDotNet.Attributes;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Codegen.Benchmarks.Quotas;

/// <summary>
/// Benchmark 5 (issue 5): acquire on a loopback redis-server from 1 and 16 concurrent callers, our RedisQuotaStore vs
/// RedisRateLimiting's RedisFixedWindowRateLimiter, same server and same connection. GlobalSetup also counts the
/// commands each acquire costs (INFO commandstats delta over 200 acquires) and prints them.
/// </summary>
[BenchmarkCategory("Redis")]
public class RedisQuotaBenchmarks
{
    private const int Ops = 256;

    [Params(1, 16)]
    public int Callers { get; set; }

    private RedisServer _server = null!;
    private ConnectionMultiplexer _connection = null!;
    private ConnectionMultiplexer _admin = null!;
    private RedisQuotaStore _store = null!;
    private RedisFixedWindowRateLimiter<string> _theirs = null!;
    private QuotaCounter[] _counters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = RedisServer.Start();
        _connection = ConnectionMultiplexer.Connect(_server.Configuration);
        _admin = ConnectionMultiplexer.Connect(_server.Configuration + ",allowAdmin=true");
        _store = new RedisQuotaStore(_connection, new RedisQuotaStoreOptions());
        _theirs = new RedisFixedWindowRateLimiter<string>("user-1", new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => _connection,
            PermitLimit = QuotaFixture.HugeLimit,
            Window = TimeSpan.FromSeconds(1),
        });
        _counters = QuotaFixture.Counters(["user-1"])[0];

        var ours = CommandsPerAcquire(() => OursOnce());
        var theirs = CommandsPerAcquire(() => TheirsOnce());
        Console.WriteLine($"// redis per acquire (client round trips / server commands incl. those run inside scripts): RedisQuotaStore {ours.RoundTrips:F2} / {ours.Commands:F2}, RedisFixedWindowRateLimiter {theirs.RoundTrips:F2} / {theirs.Commands:F2}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _theirs?.Dispose();
        _connection?.Dispose();
        _admin?.Dispose();
        _server?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public Task<int> RedisRateLimitingFixedWindow() => Run(TheirsOnce);

    [Benchmark(OperationsPerInvoke = Ops)]
    public Task<int> RedisQuotaStoreAcquire() => Run(OursOnce);

    private async Task<bool> OursOnce() => (await _store.TryAcquireAsync(_counters, DateTimeOffset.UtcNow).ConfigureAwait(false)).Acquired;

    private async Task<bool> TheirsOnce()
    {
        using var lease = await _theirs.AcquireAsync(1).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    private async Task<int> Run(Func<Task<bool>> acquire)
    {
        var perCaller = Ops / Callers;
        var callers = new Task<int>[Callers];
        for (var c = 0; c < Callers; c++)
        {
            callers[c] = Task.Run(async () =>
            {
                var granted = 0;
                for (var i = 0; i < perCaller; i++)
                {
                    if (await acquire().ConfigureAwait(false)) granted++;
                }
                return granted;
            });
        }
        var total = (await Task.WhenAll(callers).ConfigureAwait(false)).Sum();
        return total == Ops ? total : throw new InvalidOperationException($"only {total} of {Ops} acquires were granted");
    }

    private (double RoundTrips, double Commands) CommandsPerAcquire(Func<Task<bool>> acquire)
    {
        const int n = 200;
        for (var i = 0; i < 5; i++) acquire().GetAwaiter().GetResult(); // script loading and the like
        var before = RedisServer.CommandCount(_admin);
        var sentBefore = _connection.GetCounters().Interactive.OperationCount;
        for (var i = 0; i < n; i++)
        {
            if (!acquire().GetAwaiter().GetResult()) throw new InvalidOperationException("refused");
        }
        var sentAfter = _connection.GetCounters().Interactive.OperationCount;
        var after = RedisServer.CommandCount(_admin);
        return ((sentAfter - sentBefore) / (double)n, (after - before) / (double)n);
    }
}
