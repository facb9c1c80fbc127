using BenchmarkDotNet.Attributes;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Quotas.Sqlite;

namespace Codegen.Benchmarks.Quotas;

/// <summary>Recorded beside benchmark 4: the SQLite store's acquire rate (temp file, one key, 1 and 16 callers).</summary>
[BenchmarkCategory("Quota", "Sqlite")]
public class SqliteQuotaBenchmarks
{
    private const int Ops = 256;

    [Params(1, 16)]
    public int Threads { get; set; }

    private string _folder = null!;
    private SqliteQuotaStore _store = null!;
    private QuotaCounter[] _counters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("codegen-bench-sqlite-").FullName;
        _store = new SqliteQuotaStore(Path.Combine(_folder, "quotas.db"));
        _counters = QuotaFixture.Counters(["user-1"])[0];
        if (!_store.TryAcquireAsync(_counters, DateTimeOffset.UtcNow).AsTask().GetAwaiter().GetResult().Acquired)
        {
            throw new InvalidOperationException("sqlite store refused");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the store keeps no disposable handle of its own
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public async Task<int> SqliteStoreAcquire()
    {
        var perCaller = Ops / Threads;
        var callers = new Task<int>[Threads];
        for (var t = 0; t < Threads; t++)
        {
            callers[t] = Task.Run(async () =>
            {
                var granted = 0;
                for (var i = 0; i < perCaller; i++)
                {
                    if ((await _store.TryAcquireAsync(_counters, DateTimeOffset.UtcNow).ConfigureAwait(false)).Acquired) granted++;
                }
                return granted;
            });
        }
        return (await Task.WhenAll(callers).ConfigureAwait(false)).Sum();
    }
}
