using System.Threading.RateLimiting;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;

namespace Codegen.Benchmarks.Quotas;

/// <summary>A one-policy API (fixed 1 s window per key, a limit no benchmark reaches) and its requests, counters and keys.</summary>
public static class QuotaFixture
{
    public const int HugeLimit = 1_000_000_000;

    public static readonly QuotaPolicy Policy = new()
    {
        Name = "bench",
        PermitLimit = HugeLimit,
        Window = QuotaWindowKind.Fixed,
        Period = TimeSpan.FromSeconds(1),
        PartitionParameter = "key",
    };

    public static readonly ApiDescription Api = new("BenchApi", new Uri("https://api.example/"), [Policy]);

    public static readonly ApiOperation Operation = new("acquire", HttpMethod.Get, "/keys/{key}", ["bench"]);

    public static string[] Keys(int count) => Enumerable.Range(0, count).Select(i => "user-" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static ApiRequest[] Requests(string[] keys) => keys.Select(k =>
    {
        var request = new ApiRequest(Operation, "/keys/" + k);
        request.SetPartitionValue("key", k);
        return request;
    }).ToArray();

    public static QuotaCounter[][] Counters(string[] keys) => keys.Select(k => new[] { new QuotaCounter(Policy, k, HugeLimit) }).ToArray();

    public static QuotaLimiter Limiter(IQuotaStore store) => new(Api, store, new QuotaOptions(), TimeProvider.System);

    public static InMemoryQuotaStore InMemoryStore() =>
        new(TimeProvider.System, new InMemoryQuotaStoreOptions { MaxKeys = 4_000_000 });

    /// <summary>What a user would write with System.Threading.RateLimiting: a fixed window per key.</summary>
    public static PartitionedRateLimiter<string> Theirs() => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, static _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = HugeLimit,
            Window = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
