namespace Codegen.Runtime.Quotas;

// The counts of one policy name in an InMemoryQuotaStore: partition keys spread over shards, each a dictionary of
// small structs behind its own lock. Policies with the same name share one table (the store keys counts by name).
internal sealed class InMemoryQuotaTable
{
    public const int ShardCount = 64;
    private const int ShardBits = 6;

    public InMemoryQuotaTable(int index)
    {
        Shards = new InMemoryQuotaShard[ShardCount];
        for (var i = 0; i < Shards.Length; i++)
        {
            Shards[i] = new InMemoryQuotaShard((index * ShardCount) + i);
        }
    }

    public InMemoryQuotaShard[] Shards { get; }

    // The top bits pick the shard, so the dictionary inside (which buckets by the remainder) still sees spread-out hashes.
    public InMemoryQuotaShard ShardOf(in PartitionKey key) => Shards[(int)((uint)key.Hash >> (32 - ShardBits))];
}

internal sealed class InMemoryQuotaShard(int order)
{
    public readonly Lock Gate = new();
    public readonly Dictionary<PartitionKey, CounterState> States = new();

    // Shards are locked in ascending Order when one acquire spans several, so two acquires never wait in a cycle.
    public readonly int Order = order;
}

// A partition key with its hash computed once per call (it picks the shard and the dictionary bucket).
internal readonly struct PartitionKey : IEquatable<PartitionKey>
{
    public readonly string Value;
    public readonly int Hash;

    public PartitionKey(string? value)
    {
        Value = value ?? string.Empty;
        Hash = Value.GetHashCode(); // randomized per process: partition values come from callers
    }

    public bool Equals(PartitionKey other) => Hash == other.Hash && string.Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is PartitionKey other && Equals(other);

    public override int GetHashCode() => Hash;
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
