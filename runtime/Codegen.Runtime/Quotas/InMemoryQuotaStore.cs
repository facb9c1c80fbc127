using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// The default <see cref="IQuotaStore"/>: exact counts for the threads of one process. Each policy name has its own
/// table of partition keys, sharded, each shard a dictionary of small structs behind its own lock; an attempt locks
/// the shards of its counters in a fixed order, so a permit is taken from every counter or from none. Expired windows
/// and blocks are swept on a timer, and the number of tracked keys is capped.
/// </summary>
public sealed class InMemoryQuotaStore : IQuotaStore, IDisposable
{
    // Policy objects resolved by reference; a client has a handful, so a short array scanned by reference is enough.
    private const int MaxResolvedPolicies = 32;

    private readonly ConcurrentDictionary<string, InMemoryQuotaTable> _tables = new(StringComparer.Ordinal);
    private readonly Func<string, InMemoryQuotaTable> _newTable;
    private readonly int _maxKeys;
    private readonly TimeProvider _timeProvider;
    private readonly ITimer? _sweepTimer;
    private InMemoryResolvedPolicy[] _resolved = [];
    private int _tableCount;
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
        _newTable = _ => new InMemoryQuotaTable(Interlocked.Increment(ref _tableCount));
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
        foreach (var table in _tables.Values)
        {
            foreach (var shard in table.Shards)
            {
                lock (shard.Gate)
                {
                    var before = shard.States.Count;
                    if (before == 0)
                    {
                        continue;
                    }
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
        }
        return removed;
    }

    /// <inheritdoc />
    public ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        cancellationToken.ThrowIfCancellationRequested();
        var t = now.UtcTicks;
        return new(counters switch
        {
            QuotaCounter[] array => TryAcquire(array, t),
            List<QuotaCounter> list => TryAcquire(CollectionsMarshal.AsSpan(list), t),
            _ => TryAcquire(counters.ToArray(), t),
        });
    }

    // What QuotaLimiter calls when this is its store: synchronous, no ValueTask and no interface calls per counter.
    internal QuotaAcquireResult TryAcquire(ReadOnlySpan<QuotaCounter> counters, long t)
    {
        var n = counters.Length;
        if (n == 0)
        {
            return QuotaAcquireResult.Granted();
        }
        if (Volatile.Read(ref _keyCount) + n > _maxKeys)
        {
            SweepWhenFull(t);
        }
        return n == 1 ? TryAcquireOne(in counters[0], t) : TryAcquireMany(counters, t);
    }

    // One counter: the same as TryAcquire with a one-element list, without the list. Returns the permits left, or -1
    // when refused (then Refused(counter, reason, retryAtTicks) is the result TryAcquireAsync would have given).
    internal int TryAcquire(in QuotaCounter counter, long t, out QuotaRefusalReason reason, out long retryAtTicks)
    {
        if (Volatile.Read(ref _keyCount) + 1 > _maxKeys)
        {
            SweepWhenFull(t);
        }
        return TakeOne(in counter, t, out reason, out retryAtTicks);
    }

    // Several counters: all are resolved first, then their shards are locked in ascending order.
    // A separate method, so the one-counter path does not zero the inline buffers on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private QuotaAcquireResult TryAcquireMany(ReadOnlySpan<QuotaCounter> counters, long t)
    {
        // Up to eight counters (Zoom operations carry one or two) live on the stack; more fall back to arrays.
        var n = counters.Length;
        var inline = default(InlineSlots);
        Span<Slot> slots = n <= InlineSlots.Length ? ((Span<Slot>)inline)[..n] : new Slot[n];
        Span<int> order = n <= InlineSlots.Length ? stackalloc int[InlineSlots.Length] : new int[n];
        for (var i = 0; i < n; i++)
        {
            var counter = counters[i];
            var policy = Resolve(counter.Policy);
            var key = counter.PartitionKey ?? string.Empty;
            slots[i] = new Slot(counter, policy, policy.Table.ShardOf(key), key);
            order[i] = i;
        }
        // Shards are always locked in ascending order, so two attempts never wait on each other in a cycle.
        var locks = SortedDistinct(slots, order[..n]);
        Enter(slots, locks);
        try
        {
            return TryAcquireLocked(slots, t);
        }
        finally
        {
            Exit(slots, locks);
        }
    }

    private QuotaAcquireResult TryAcquireOne(in QuotaCounter counter, long t)
    {
        var remaining = TakeOne(in counter, t, out var reason, out var retryAt);
        return remaining >= 0 ? QuotaAcquireResult.Granted(remaining) : Refused(in counter, reason, retryAt);
    }

    // A refusal from TakeOne as the public result.
    internal static QuotaAcquireResult Refused(in QuotaCounter counter, QuotaRefusalReason reason, long retryAtTicks) =>
        QuotaAcquireResult.Refused(counter, reason, retryAtTicks == 0 ? null : new DateTimeOffset(retryAtTicks, TimeSpan.Zero));

    // One counter (the common case): one hash, one shard lock, one dictionary lookup for a known key. Returns the
    // permits left after the grant, or -1 with why and when it frees up (UTC ticks, 0 when unknown): a refusal is
    // rare, so the grant does not build the larger QuotaAcquireResult.
    private int TakeOne(in QuotaCounter counter, long t, out QuotaRefusalReason reason, out long retryAt)
    {
        var policy = Resolve(counter.Policy);
        var key = counter.PartitionKey ?? string.Empty;
        var shard = policy.Table.ShardOf(key);
        var (start, end) = policy.WindowAt(t);
        lock (shard.Gate)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(shard.States, key);
            if (Unsafe.IsNullRef(ref state))
            {
                if (counter.Limit < 1)
                {
                    return Refuse(QuotaRefusalReason.LimitReached, 0, out reason, out retryAt);
                }
                if (Volatile.Read(ref _keyCount) + 1 > _maxKeys)
                {
                    return Refuse(QuotaRefusalReason.StoreUnavailable, 0, out reason, out retryAt);
                }
                state = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.States, key, out _);
                Interlocked.Increment(ref _keyCount);
            }
            else if (state.BlockedUntil > t)
            {
                return Refuse(QuotaRefusalReason.BlockedByServer, state.BlockedUntil, out reason, out retryAt);
            }
            else if (Usage(policy, in state, t, start, end, counter.Limit) is var (used, freesAt) && used >= counter.Limit)
            {
                return Refuse(QuotaRefusalReason.LimitReached, freesAt, out reason, out retryAt);
            }
            Take(policy, ref state, t, start, end, counter.Limit);
            var usedNow = policy.IsRolling ? Usage(policy, in state, t, start, end, counter.Limit).Used : state.Used;
            reason = QuotaRefusalReason.None;
            retryAt = 0;
            return Math.Max(0, counter.Limit - usedNow);
        }
    }

    private static int Refuse(QuotaRefusalReason why, long when, out QuotaRefusalReason reason, out long retryAt)
    {
        reason = why;
        retryAt = when;
        return -1;
    }

    // Checks every counter, then takes from every counter: all or nothing. The caller holds the counters' shard locks.
    private QuotaAcquireResult TryAcquireLocked(ReadOnlySpan<Slot> slots, long t)
    {
        var newKeys = 0;
        for (var i = 0; i < slots.Length; i++)
        {
            ref readonly var slot = ref slots[i];
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(slot.Shard.States, slot.Key);
            if (Unsafe.IsNullRef(ref state))
            {
                newKeys++;
                if (slot.Counter.Limit < 1)
                {
                    return QuotaAcquireResult.Refused(slot.Counter, QuotaRefusalReason.LimitReached, null);
                }
                continue;
            }
            var (start, end) = slot.Policy.WindowAt(t);
            if (Refusal(slot.Counter, slot.Policy, in state, t, start, end) is { } refused)
            {
                return refused;
            }
        }
        if (newKeys > 0 && Volatile.Read(ref _keyCount) + newKeys > _maxKeys)
        {
            return QuotaAcquireResult.Refused(slots[0].Counter, QuotaRefusalReason.StoreUnavailable, null);
        }

        int? remaining = null;
        for (var i = 0; i < slots.Length; i++)
        {
            ref readonly var slot = ref slots[i];
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(slot.Shard.States, slot.Key, out var existed);
            if (!existed)
            {
                Interlocked.Increment(ref _keyCount);
            }
            var (start, end) = slot.Policy.WindowAt(t);
            Take(slot.Policy, ref state, t, start, end, slot.Counter.Limit);
            if (i == 0)
            {
                remaining = Math.Max(0, slot.Counter.Limit - Usage(slot.Policy, in state, t, start, end, slot.Counter.Limit).Used);
            }
        }
        return QuotaAcquireResult.Granted(remaining);
    }

    // Why an existing key cannot give a permit now, or null when it can.
    private static QuotaAcquireResult? Refusal(QuotaCounter counter, InMemoryResolvedPolicy policy, in CounterState state, long t, long start, long end)
    {
        if (state.BlockedUntil > t)
        {
            return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.BlockedByServer, new DateTimeOffset(state.BlockedUntil, TimeSpan.Zero));
        }
        var (used, freesAt) = Usage(policy, in state, t, start, end, counter.Limit);
        return used >= counter.Limit
            ? QuotaAcquireResult.Refused(counter, QuotaRefusalReason.LimitReached, new DateTimeOffset(freesAt, TimeSpan.Zero))
            : null;
    }

    // Full: sweep now rather than wait for the timer, but at most once a second (a sweep visits every key).
    private void SweepWhenFull(long t)
    {
        var due = Interlocked.Read(ref _nextForcedSweep);
        if (t >= due && Interlocked.CompareExchange(ref _nextForcedSweep, t + TimeSpan.TicksPerSecond, due) == due)
        {
            RemoveExpired(new DateTimeOffset(t, TimeSpan.Zero));
        }
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
            var policy = Resolve(counter.Policy);
            var key = counter.PartitionKey ?? string.Empty;
            var shard = policy.Table.ShardOf(key);
            lock (shard.Gate)
            {
                ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(shard.States, key);
                if (Unsafe.IsNullRef(ref state))
                {
                    continue;
                }
                if (policy.IsRolling)
                {
                    if (taken > t - policy.PeriodTicks)
                    {
                        RemovePermit(ref state, taken);
                    }
                    continue;
                }
                var (takenStart, _) = QuotaWindows.CurrentTicks(policy.Policy, taken);
                var (nowStart, _) = policy.WindowAt(t);
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
        var policy = Resolve(counter.Policy);
        var key = counter.PartitionKey ?? string.Empty;
        var shard = policy.Table.ShardOf(key);
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
        var policy = Resolve(counter.Policy);
        var key = counter.PartitionKey ?? string.Empty;
        var shard = policy.Table.ShardOf(key);
        var (start, end) = policy.WindowAt(t);
        lock (shard.Gate)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.States, key, out var existed);
            if (!existed)
            {
                Interlocked.Increment(ref _keyCount);
            }
            var used = Usage(policy, in state, t, start, end, counter.Limit).Used;
            while (used < target)
            {
                Take(policy, ref state, t, start, end, counter.Limit);
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
        var policy = Resolve(counter.Policy);
        var key = counter.PartitionKey ?? string.Empty;
        var shard = policy.Table.ShardOf(key);
        var (start, end) = policy.WindowAt(t);
        lock (shard.Gate)
        {
            ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(shard.States, key);
            var current = Unsafe.IsNullRef(ref state) ? default : state;
            var used = Usage(policy, in current, t, start, end, counter.Limit).Used;
            long windowEnd;
            if (policy.IsRolling)
            {
                var oldest = OldestInWindow(in current, t - policy.PeriodTicks);
                windowEnd = (oldest ?? t) + policy.PeriodTicks;
            }
            else
            {
                windowEnd = end;
            }
            DateTimeOffset? blocked = current.BlockedUntil > t ? new DateTimeOffset(current.BlockedUntil, TimeSpan.Zero) : null;
            return new(new QuotaStatus(used, Math.Max(0, counter.Limit - used), new DateTimeOffset(windowEnd, TimeSpan.Zero), blocked));
        }
    }

    /// <summary>Stops the sweep timer.</summary>
    public void Dispose() => _sweepTimer?.Dispose();

    // The store's view of a policy object: found by reference in a short array, else made once (per name, one table).
    private InMemoryResolvedPolicy Resolve(QuotaPolicy policy)
    {
        var resolved = Volatile.Read(ref _resolved);
        foreach (var r in resolved)
        {
            if (ReferenceEquals(r.Policy, policy))
            {
                return r;
            }
        }
        return ResolveSlow(policy);
    }

    private InMemoryResolvedPolicy ResolveSlow(QuotaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var made = new InMemoryResolvedPolicy(policy, _tables.GetOrAdd(policy.Name, _newTable));
        while (true)
        {
            var resolved = Volatile.Read(ref _resolved);
            foreach (var r in resolved)
            {
                if (ReferenceEquals(r.Policy, policy))
                {
                    return r;
                }
            }
            if (resolved.Length >= MaxResolvedPolicies)
            {
                return made; // policy objects made per call: still correct (same table by name), just not remembered
            }
            if (Interlocked.CompareExchange(ref _resolved, [.. resolved, made], resolved) == resolved)
            {
                return made;
            }
        }
    }

    // Permits used in the window at t, and when the next one frees up if the limit is reached.
    private static (int Used, long FreesAt) Usage(InMemoryResolvedPolicy policy, in CounterState state, long t, long start, long end, int limit)
    {
        if (policy.IsRolling)
        {
            var period = policy.PeriodTicks;
            var first = FirstInWindow(in state, t - period);
            var used = state.Used - first;
            var freesAt = used >= limit && limit >= 1 ? state.Permits![first + (used - limit)] + period : t;
            return (used, freesAt);
        }
        return state.WindowEnd > start ? (state.Used, Math.Max(end, state.WindowEnd)) : (0, end);
    }

    private static void Take(InMemoryResolvedPolicy policy, ref CounterState state, long t, long start, long end, int limit)
    {
        if (policy.IsRolling)
        {
            var period = policy.PeriodTicks;
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

    // Indices of slots with distinct shards, in ascending shard order (insertion sort: a handful of counters).
    private static Span<int> SortedDistinct(ReadOnlySpan<Slot> slots, Span<int> order)
    {
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && slots[order[j]].Shard.Order > slots[current].Shard.Order)
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
        var n = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (n == 0 || !ReferenceEquals(slots[order[i]].Shard, slots[order[n - 1]].Shard))
            {
                order[n++] = order[i];
            }
        }
        return order[..n];
    }

    private static void Enter(ReadOnlySpan<Slot> slots, ReadOnlySpan<int> locks)
    {
        var entered = 0;
        try
        {
            for (; entered < locks.Length; entered++)
            {
                slots[locks[entered]].Shard.Gate.Enter();
            }
        }
        catch
        {
            for (var i = entered - 1; i >= 0; i--)
            {
                slots[locks[i]].Shard.Gate.Exit();
            }
            throw;
        }
    }

    private static void Exit(ReadOnlySpan<Slot> slots, ReadOnlySpan<int> locks)
    {
        for (var i = locks.Length - 1; i >= 0; i--)
        {
            slots[locks[i]].Shard.Gate.Exit();
        }
    }

    // One counter of a multi-counter acquire, resolved before any lock is taken.
    private readonly record struct Slot(QuotaCounter Counter, InMemoryResolvedPolicy Policy, InMemoryQuotaShard Shard, string Key);

    [InlineArray(Length)]
    private struct InlineSlots
    {
        public const int Length = 8;
        private Slot _first;
    }
}
