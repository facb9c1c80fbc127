using System.Numerics;

namespace Codegen.Runtime.Quotas;

// The counts of one policy name in an InMemoryQuotaStore: partition keys spread over a few shards (one per processor,
// rounded up to a power of two), each a dictionary of small structs behind its own lock. Policies with the same name
// share one table (the store keys counts by name).
internal sealed class InMemoryQuotaTable
{
    // More shards than processors add nothing: at most one thread per processor holds a lock at a time.
    public static readonly int ShardCount = (int)Math.Min(64, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, Environment.ProcessorCount)));

    public InMemoryQuotaTable(int index)
    {
        Shards = new InMemoryQuotaShard[ShardCount];
        for (var i = 0; i < Shards.Length; i++)
        {
            Shards[i] = new InMemoryQuotaShard((index * ShardCount) + i);
        }
    }

    public InMemoryQuotaShard[] Shards { get; }

    // The shard only spreads lock traffic, so a cheap pick from three characters and the length is enough; the
    // dictionary inside hashes the whole key. Keys that differ in their last character (sequential ids) alternate
    // between shards, and each shard still sees them in order.
    public InMemoryQuotaShard ShardOf(string key)
    {
        if (Shards.Length == 1 || key.Length == 0)
        {
            return Shards[0];
        }
        var mix = key[^1] ^ (key[0] * 7) ^ (key[key.Length >> 1] * 31) ^ (key.Length * 131);
        return Shards[mix & (Shards.Length - 1)];
    }
}

internal sealed class InMemoryQuotaShard(int order)
{
    public readonly Lock Gate = new();

    // The default string comparer: .NET hashes strings without randomization here (fast, and keys that differ in a
    // few characters land near each other in memory) and switches this dictionary to randomized hashing by itself
    // when a bucket's chain grows suspiciously long, so callers cannot flood it with colliding keys.
    public readonly Dictionary<string, CounterState> States = new();

    // Shards are locked in ascending Order when one acquire spans several, so two acquires never wait in a cycle.
    public readonly int Order = order;
}

// Compact per-key state (32 bytes): the whole entry with its dictionary slot stays well under 100 bytes plus the key text.
internal struct CounterState
{
    // Fixed and calendar-day windows: end of the window Used counts. Rolling: when the newest permit leaves.
    public long WindowEnd;
    public long BlockedUntil;
    // Fixed and calendar-day: permits used. Rolling: entries in Permits.
    public int Used;
    // Rolling windows only: acquire times in UTC ticks, ascending.
    public long[]? Permits;
}
