using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// The default <see cref="IQuotaStore"/>: exact counts for the threads of one process. State is sharded, each shard
/// a dictionary of small structs behind its own lock; an attempt locks the shards of its counters in a fixed order,
/// so a permit is taken from every counter or from none. Expired windows and blocks are swept on a timer, and the
/// number of tracked keys is capped.
/// </summary>
public sealed class InMemoryQuotaStore : IQuotaStore, IDisposable
{
    private const int ShardCount = 64;

    private readonly Shard[] _shards;
    private readonly int _maxKeys;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer? _sweepTimer;
    private int _keyCount;
    private long _nextForcedSweep;

    /// <summary>Creates a store; usable by dependency injection (<c>TryAddSingleton&lt;IQuotaStore, InMemoryQuotaStore&gt;()</c>).</summary>
    /// <param name="timeProvider">The clock of the sweep timer; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="options">Capacity and sweep interval; defaults when <see langword="null"/>.</param>
    public InMemoryQuotaStore(TimeProvider? timeProvider = null, InMemoryQuotaStoreOptions? options = null)
    {
        options ??= new InMemoryQuotaStoreOptions();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maxKeys = options.MaxKeys;
        _shards = new Shard[ShardCount];
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new Shard();
        }
        if (options.SweepInterval != Timeout.InfiniteTimeSpan)
        {
            _sweepTimer = _timeProvider.CreateTimer(static s => ((InMemoryQuotaStore)s!).RemoveExpired(), this, options.SweepInterval, options.SweepInterval);
        }
    }

    /// <summary>How many (policy, partition key) entries are held in memory now.</summary>
    public int TrackedKeyCount => Volatile.Read(ref _keyCount);

    /// <summary>Removes every entry whose window has ended and whose block has expired, using the store's clock.</summary>
    /// <returns>How many entries were removed.</returns>
    public int RemoveExpired() => RemoveExpired(_timeProvider.GetUtcNow());

    /// <summary>Removes every entry whose window has ended and whose block has expired at <paramref name="now"/>.</summary>
    /// <returns>How many entries were removed.</returns>
    public int RemoveExpired(DateTimeOffset now)
    {
        var t = now.UtcTicks;
        var removed = 0;
        foreach (var shard in _shards)
        {
            lock (shard.Gate)
            {
                var before = shard.States.Count;
                foreach (var (key, state) in shard.States)
                {
                    if (state.BlockedUntil <= t && state.WindowEnd <= t)
                    {
                        shard.States.Remove(key); // allowed while enumerating since .NET Core 3.0
                    }
                }
                var removedHere = before - shard.States.Count;
                if (removedHere > 0)
                {
                    Interlocked.Add(ref _keyCount, -removedHere);
                    removed += removedHere;
                    if (removedHere > shard.States.Count)
                    {
                        shard.States.TrimExcess(); // give memory back after a burst of keys
                    }
                }
            }
        }
        return removed;
    }

    /// <inheritdoc />
    public ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        cancellationToken.ThrowIfCancellationRequested();
        if (counters.Count == 0)
        {
            return new(QuotaAcquireResult.Granted());
        }
        if (Volatile.Read(ref _keyCount) + counters.Count > _maxKeys)
        {
            // Full: sweep now rather than wait for the timer, but at most once a second (a sweep visits every key).
            var due = Interlocked.Read(ref _nextForcedSweep);
            if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextForcedSweep, now.UtcTicks + TimeSpan.TicksPerSecond, due) == due)
            {
                RemoveExpired(now);
            }
        }

        // Up to eight counters (Zoom operations carry one or two) live on the stack; more fall back to arrays.
        var n = counters.Count;
        var inline = default(InlineKeys);
        Span<CounterKey> keys = n <= InlineKeys.Length ? ((Span<CounterKey>)inline)[..n] : new CounterKey[n];
        Span<int> shards = n <= InlineKeys.Length ? stackalloc int[InlineKeys.Length] : new int[n];
        Span<int> order = n <= InlineKeys.Length ? stackalloc int[InlineKeys.Length] : new int[n];
        shards = shards[..n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = new CounterKey(counters[i].Policy.Name, counters[i].PartitionKey);
            shards[i] = ShardOf(keys[i]);
        }
        // Shards are always locked in ascending order, so two attempts never wait on each other in a cycle.
        order = SortedDistinct(shards, order);
        Enter(order);
        try
        {
            return new(TryAcquireLocked(counters, keys, shards, now.UtcTicks));
        }
        finally
        {
            Exit(order);
        }
    }

    // Checks every counter, then takes from every counter: all or nothing. The caller holds the counters' shard locks.
    private QuotaAcquireResult TryAcquireLocked(IReadOnlyList<QuotaCounter> counters, ReadOnlySpan<CounterKey> keys, ReadOnlySpan<int> shards, long t)
    {
        var newKeys = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var counter = counters[i];
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_shards[shards[i]].States, keys[i]);
            if (Unsafe.IsNullRef(ref state))
            {
                newKeys++;
                if (counter.Limit < 1)
                {
                    return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.LimitReached, null);
                }
                continue;
            }
            if (state.BlockedUntil > t)
            {
                return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.BlockedByServer, new DateTimeOffset(state.BlockedUntil, TimeSpan.Zero));
            }
            var (used, freesAt) = Usage(counter.Policy, in state, t, counter.Limit);
            if (used >= counter.Limit)
            {
                return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.LimitReached, new DateTimeOffset(freesAt, TimeSpan.Zero));
            }
        }
        if (newKeys > 0 && Volatile.Read(ref _keyCount) + newKeys > _maxKeys)
        {
            return QuotaAcquireResult.Refused(counters[0], QuotaRefusalReason.StoreUnavailable, null);
        }

        int? remaining = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var counter = counters[i];
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_shards[shards[i]].States, keys[i], out var existed);
            if (!existed)
            {
                Interlocked.Increment(ref _keyCount);
            }
            Take(counter.Policy, ref state, t, counter.Limit);
            if (i == 0)
            {
                remaining = Math.Max(0, counter.Limit - Usage(counter.Policy, in state, t, counter.Limit).Used);
            }
        }
        return QuotaAcquireResult.Granted(remaining);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        cancellationToken.ThrowIfCancellationRequested();
        var t = now.UtcTicks;
        var taken = acquiredAt.UtcTicks;
        foreach (var counter in counters)
        {
            var key = new CounterKey(counter.Policy.Name, counter.PartitionKey);
            var shard = _shards[ShardOf(key)];
            lock (shard.Gate)
            {
                ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(shard.States, key);
                if (Unsafe.IsNullRef(ref state))
                {
                    continue;
                }
                if (counter.Policy.Window == QuotaWindowKind.Rolling)
                {
                    if (taken > t - QuotaWindows.PeriodTicks(counter.Policy))
                    {
                        RemovePermit(ref state, taken);
                    }
                    continue;
                }
                var (takenStart, _) = QuotaWindows.CurrentTicks(counter.Policy, taken);
                var (nowStart, _) = QuotaWindows.CurrentTicks(counter.Policy, t);
                if (takenStart == nowStart && state.WindowEnd > nowStart && state.Used > 0)
                {
                    state.Used--;
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask BlockAsync(QuotaCounter counter, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (until <= now)
        {
            return ValueTask.CompletedTask;
        }
        var key = new CounterKey(counter.Policy.Name, counter.PartitionKey);
        var shard = _shards[ShardOf(key)];
        lock (shard.Gate)
        {
            // A server block is kept even beyond MaxKeys: the server's word must not be forgotten.
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.States, key, out var existed);
            if (!existed)
            {
                Interlocked.Increment(ref _keyCount);
            }
            state.BlockedUntil = Math.Max(state.BlockedUntil, until.UtcTicks);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReportRemainingAsync(QuotaCounter counter, int remaining, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var target = counter.Limit - Math.Max(0, remaining);
        if (target <= 0)
        {
            return ValueTask.CompletedTask;
        }
        var t = now.UtcTicks;
        var key = new CounterKey(counter.Policy.Name, counter.PartitionKey);
        var shard = _shards[ShardOf(key)];
        lock (shard.Gate)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.States, key, out var existed);
            if (!existed)
            {
                Interlocked.Increment(ref _keyCount);
            }
            var used = Usage(counter.Policy, in state, t, counter.Limit).Used;
            while (used < target)
            {
                Take(counter.Policy, ref state, t, counter.Limit);
                used++;
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<QuotaStatus> GetStatusAsync(QuotaCounter counter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var t = now.UtcTicks;
        var key = new CounterKey(counter.Policy.Name, counter.PartitionKey);
        var shard = _shards[ShardOf(key)];
        lock (shard.Gate)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(shard.States, key);
            var current = Unsafe.IsNullRef(ref state) ? default : state;
            var used = Usage(counter.Policy, in current, t, counter.Limit).Used;
            long windowEnd;
            if (counter.Policy.Window == QuotaWindowKind.Rolling)
            {
                var oldest = OldestInWindow(in current, t - QuotaWindows.PeriodTicks(counter.Policy));
                windowEnd = (oldest ?? t) + QuotaWindows.PeriodTicks(counter.Policy);
            }
            else
            {
                windowEnd = QuotaWindows.CurrentTicks(counter.Policy, t).End;
            }
            DateTimeOffset? blocked = current.BlockedUntil > t ? new DateTimeOffset(current.BlockedUntil, TimeSpan.Zero) : null;
            return new(new QuotaStatus(used, Math.Max(0, counter.Limit - used), new DateTimeOffset(windowEnd, TimeSpan.Zero), blocked));
        }
    }

    /// <summary>Stops the sweep timer.</summary>
    public void Dispose() => _sweepTimer?.Dispose();

    // Permits used in the window at t, and when the next one frees up if the limit is reached.
    private static (int Used, long FreesAt) Usage(QuotaPolicy policy, in CounterState state, long t, int limit)
    {
        if (policy.Window == QuotaWindowKind.Rolling)
        {
            var period = QuotaWindows.PeriodTicks(policy);
            var first = FirstInWindow(in state, t - period);
            var used = state.Used - first;
            var freesAt = used >= limit && limit >= 1 ? state.Permits![first + (used - limit)] + period : t;
            return (used, freesAt);
        }
        var (start, end) = QuotaWindows.CurrentTicks(policy, t);
        return state.WindowEnd > start ? (state.Used, Math.Max(end, state.WindowEnd)) : (0, end);
    }

    private static void Take(QuotaPolicy policy, ref CounterState state, long t, int limit)
    {
        if (policy.Window == QuotaWindowKind.Rolling)
        {
            var period = QuotaWindows.PeriodTicks(policy);
            var first = FirstInWindow(in state, t - period);
            if (first > 0)
            {
                Array.Copy(state.Permits!, first, state.Permits!, 0, state.Used - first);
                state.Used -= first;
            }
            if (state.Permits is null || state.Used == state.Permits.Length)
            {
                var grown = new long[Math.Max(4, Math.Min(Math.Max(limit, state.Used + 1), Math.Max(4, state.Used * 2)))];
                state.Permits?.AsSpan(0, state.Used).CopyTo(grown);
                state.Permits = grown;
            }
            // Keep the log sorted: callers' clocks may differ by a little.
            var at = state.Used;
            while (at > 0 && state.Permits[at - 1] > t)
            {
                state.Permits[at] = state.Permits[at - 1];
                at--;
            }
            state.Permits[at] = t;
            state.Used++;
            state.WindowEnd = Math.Max(state.WindowEnd, t + period);
            return;
        }
        var (start, end) = QuotaWindows.CurrentTicks(policy, t);
        if (state.WindowEnd <= start)
        {
            state.Used = 0;
        }
        state.Used++;
        state.WindowEnd = Math.Max(state.WindowEnd, end);
    }

    private static void RemovePermit(ref CounterState state, long takenAt)
    {
        if (state.Permits is null)
        {
            return;
        }
        var index = Array.IndexOf(state.Permits, takenAt, 0, state.Used);
        if (index >= 0)
        {
            Array.Copy(state.Permits, index + 1, state.Permits, index, state.Used - index - 1);
            state.Used--;
        }
    }

    // Index of the first rolling permit still inside the window (newer than windowStart).
    private static int FirstInWindow(in CounterState state, long windowStart)
    {
        var i = 0;
        while (i < state.Used && state.Permits![i] <= windowStart)
        {
            i++;
        }
        return i;
    }

    private static long? OldestInWindow(in CounterState state, long windowStart)
    {
        var first = FirstInWindow(in state, windowStart);
        return first < state.Used ? state.Permits![first] : null;
    }

    private static int ShardOf(CounterKey key) => (int)((uint)key.GetHashCode() % ShardCount);

    // The distinct shard indices in ascending order, written into buffer.
    private static Span<int> SortedDistinct(ReadOnlySpan<int> shards, Span<int> buffer)
    {
        var copy = buffer[..shards.Length];
        shards.CopyTo(copy);
        copy.Sort();
        var n = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            if (i == 0 || copy[i] != copy[i - 1])
            {
                copy[n++] = copy[i];
            }
        }
        return copy[..n];
    }

    private void Enter(ReadOnlySpan<int> order)
    {
        var entered = 0;
        try
        {
            for (; entered < order.Length; entered++)
            {
                _shards[order[entered]].Gate.Enter();
            }
        }
        catch
        {
            for (var i = entered - 1; i >= 0; i--)
            {
                _shards[order[i]].Gate.Exit();
            }
            throw;
        }
    }

    private void Exit(ReadOnlySpan<int> order)
    {
        for (var i = order.Length - 1; i >= 0; i--)
        {
            _shards[order[i]].Gate.Exit();
        }
    }

    private sealed class Shard
    {
        public readonly Lock Gate = new();
        public readonly Dictionary<CounterKey, CounterState> States = new();
    }

    private readonly record struct CounterKey(string Policy, string Partition);

    [InlineArray(Length)]
    private struct InlineKeys
    {
        public const int Length = 8;
        private CounterKey _first;
    }

    // Compact per-key state (32 bytes): the whole entry with its dictionary slot stays well under 100 bytes plus the key text.
    private struct CounterState
    {
        // Fixed and calendar-day windows: end of the window Used counts. Rolling: when the newest permit leaves.
        public long WindowEnd;
        public long BlockedUntil;
        // Fixed and calendar-day: permits used. Rolling: entries in Permits.
        public int Used;
        // Rolling windows only: acquire times in UTC ticks, ascending.
        public long[]? Permits;
    }
}
