using System.Collections.Concurrent;
using Codegen.Runtime.Quotas;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis;

/// <summary>
/// Key names: <c>{prefix}{{hashTag}}:v2:{policy}|{partition}:{day|fixed|rolling|block}</c>, for example
/// <c>codegen:quota:{codegen}:v2:meeting-create-update|alice@example.com:day</c>. The shared hash tag keeps every key of
/// one store on one cluster slot; the window itself lives inside the value, because only the server knows its time.
/// </summary>
/// <remarks>
/// <c>v2</c> is the data format: a calendar-day or fixed count is a hash <c>{w, n, b}</c> holding its server block
/// too (field <c>b</c>); only rolling windows keep a separate <c>:block</c> key. Keys of the first format (no
/// version segment, block markers beside the counts) are never read, so they cannot change a v2 count; they expire
/// on their own.
/// </remarks>
internal sealed class RedisQuotaKeys(string prefix, string hashTag)
{
    /// <summary>The data-format segment; change it whenever the layout of a value changes.</summary>
    public const string FormatVersion = "v2";

    // Hot keys are cached per policy object: the names are rebuilt (two strings) only for cold partitions.
    private const int MaxCachedPartitionsPerPolicy = 4096;
    private const int MaxCachedPolicies = 32;

    private readonly string _start = prefix + "{" + hashTag + "}:" + FormatVersion + ":";
    private PolicyKeys[] _policies = [];

    /// <summary>The pattern that matches every key of this store (for SCAN).</summary>
    public string Pattern => EscapeGlob(_start) + "*";

    public RedisKey Count(QuotaCounter counter) => For(counter).Count;

    public RedisKey Block(QuotaCounter counter) => For(counter).Block;

    /// <summary>The count key and block-marker key of a counter, cached for hot partitions.</summary>
    public CounterKeys For(QuotaCounter counter)
    {
        var policy = PolicyFor(counter.Policy);
        var partition = counter.PartitionKey ?? string.Empty;
        if (policy.Partitions.TryGetValue(partition, out var keys))
        {
            return keys;
        }
        keys = policy.Make(partition);
        if (policy.Partitions.Count >= MaxCachedPartitionsPerPolicy)
        {
            policy.Partitions.Clear(); // bounded: a burst of cold keys replaces the hot set instead of growing it
        }
        policy.Partitions.TryAdd(partition, keys);
        return keys;
    }

    private PolicyKeys PolicyFor(QuotaPolicy policy)
    {
        var known = Volatile.Read(ref _policies);
        foreach (var p in known)
        {
            if (ReferenceEquals(p.Policy, policy))
            {
                return p;
            }
        }
        var made = new PolicyKeys(policy, _start);
        if (known.Length < MaxCachedPolicies)
        {
            Interlocked.CompareExchange(ref _policies, [.. known, made], known); // a lost race only loses the cache entry
        }
        return made;
    }

    private static string EscapeGlob(string text) =>
        text.Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?").Replace("[", "\\[").Replace("]", "\\]");

    /// <summary>The two keys of one counter.</summary>
    internal sealed record CounterKeys(RedisKey Count, RedisKey Block);

    private sealed class PolicyKeys
    {
        private readonly string _base;
        private readonly string _countSuffix;

        public PolicyKeys(QuotaPolicy policy, string start)
        {
            Policy = policy;
            // '|' separates the policy from the partition; escaping it (and '%') in the policy name keeps names unambiguous.
            _base = start + policy.Name.Replace("%", "%25").Replace("|", "%7C") + "|";
            _countSuffix = policy.Window switch
            {
                QuotaWindowKind.CalendarDayUtc => ":day",
                QuotaWindowKind.Fixed => ":fixed",
                _ => ":rolling",
            };
        }

        public QuotaPolicy Policy { get; }

        public ConcurrentDictionary<string, CounterKeys> Partitions { get; } = new(StringComparer.Ordinal);

        public CounterKeys Make(string partition) =>
            new(_base + partition + _countSuffix, _base + partition + ":block");
    }
}
