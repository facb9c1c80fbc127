using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// The quota limiter of one generated client: a <see cref="PartitionedRateLimiter{TResource}"/> over API requests
/// that enforces every <see cref="QuotaPolicy"/> an operation declares, against an <see cref="IQuotaStore"/>.
/// One permit per attempt, taken from all of the operation's policies or from none.
/// </summary>
public sealed partial class QuotaLimiter : PartitionedRateLimiter<ApiRequest>
{
    private static readonly QuotaLease Unlimited = QuotaLease.Granted([], DateTimeOffset.MinValue, null);

    private readonly ApiDescription _api;
    private readonly IQuotaStore _store;
    private readonly InMemoryQuotaStore? _memory;
    private readonly QuotaOptions _options;
    private readonly TimeProvider _time;
    private readonly QuotaClock _clock;
    private readonly ILogger _logger;
    private readonly QuotaPolicySet _policies;
    private readonly Action<ApiOperation, string> _unknownPolicy;
    private readonly ConcurrentDictionary<ApiOperation, OperationQuotas> _byOperation = new(ReferenceEqualityComparer.Instance);
    private OperationQuotas? _lastOperation;
    private readonly StripedCounter _granted = new();
    private readonly StripedCounter _refused = new();
    private long _waiting;
    private int _disposed;

    /// <summary>Creates the limiter of one API.</summary>
    /// <param name="api">The API's description; its <see cref="ApiDescription.Quotas"/> are the policies.</param>
    /// <param name="store">Where counts and server blocks live.</param>
    /// <param name="options">Plan, overrides, waiting; validated against <paramref name="api"/>.</param>
    /// <param name="timeProvider">The clock (inject <c>FakeTimeProvider</c> in tests).</param>
    /// <param name="logger">Refusals at Debug, server blocks at Warning; partition keys are masked.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid for this API; the message lists every problem.</exception>
    public QuotaLimiter(ApiDescription api, IQuotaStore store, QuotaOptions options, TimeProvider timeProvider, ILogger<QuotaLimiter>? logger = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _memory = store as InMemoryQuotaStore;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _clock = new QuotaClock(_time);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _policies = new QuotaPolicySet(api, options);
        _unknownPolicy = (operation, name) => QuotaLog.UnknownPolicy(_logger, operation.OperationId, name);
    }

    /// <summary>The policies in force (after overrides and plan selection), with their limits.</summary>
    public IReadOnlyList<QuotaCounter> Policies =>
        _policies.All.Select(q => new QuotaCounter(q.Policy, string.Empty, q.Limit)).ToArray();

    /// <summary>The counters one attempt of <paramref name="request"/> consumes (empty when quotas are off).</summary>
    public IReadOnlyList<QuotaCounter> CountersFor(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Counters(request).ToArray(); // a copy: the limiter may share its array between calls
    }

    /// <summary>Reads a policy's state for a partition value (for Zoom: a host user id) without taking a permit.</summary>
    /// <param name="policyName">The policy, for example <c>meeting-create-update</c>.</param>
    /// <param name="partitionValue">The raw partition value, or <see langword="null"/> for account-wide policies.</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    /// <exception cref="ArgumentException">No enabled policy has that name.</exception>
    public ValueTask<QuotaStatus> GetStatusAsync(string policyName, string? partitionValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        if (!_policies.TryGet(policyName, out var quota))
        {
            var known = string.Join(", ", _policies.All.Select(q => q.Policy.Name).Order(StringComparer.Ordinal));
            throw new ArgumentException($"No enabled quota policy is named '{policyName}' (known: {(known.Length == 0 ? "none" : known)}).", nameof(policyName));
        }
        var counter = new QuotaCounter(quota.Policy, QuotaPartition.Normalize(quota.Policy, partitionValue), quota.Limit);
        return _store.GetStatusAsync(counter, _clock.GetUtcNow(), cancellationToken);
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics(ApiRequest resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var counters = Counters(resource);
        long available = long.MaxValue;
        var now = _clock.GetUtcNow();
        foreach (var counter in counters)
        {
            var status = Wait(_store.GetStatusAsync(counter, now));
            available = Math.Min(available, status.BlockedUntil is null ? status.Remaining : 0);
        }
        return new RateLimiterStatistics
        {
            CurrentAvailablePermits = counters.Length == 0 ? long.MaxValue : available,
            CurrentQueuedCount = Interlocked.Read(ref _waiting),
            TotalFailedLeases = _refused.Read(),
            TotalSuccessfulLeases = _granted.Read(),
        };
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(ApiRequest resource, int permitCount)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ThrowIfDisposed();
        CheckPermitCount(permitCount);
        if (permitCount == 1 && _memory is { } memory && _options.Enabled)
        {
            return AttemptAcquireInMemory(memory, resource, maxWait: null)!;
        }
        return AttemptAcquireFromStore(resource, permitCount);
    }

    // Any other store, or a check without taking (permitCount 0). Not inlined: its locals would widen the frame of
    // the in-memory path above, which the runtime zeroes on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RateLimitLease AttemptAcquireFromStore(ApiRequest resource, int permitCount)
    {
        var counters = Counters(resource, out var remainingSlot);
        if (counters.Length == 0)
        {
            return Unlimited;
        }
        var now = _clock.GetUtcNow();
        var result = permitCount == 0 ? Wait(PeekAsync(counters, now, default)) : Wait(_store.TryAcquireAsync(counters, now));
        return Conclude(resource, counters, remainingSlot, result, now, permitCount);
    }

    // The in-memory store (the default) answers synchronously: it is called directly, without a ValueTask, and a
    // one-policy operation needs no counter array (neither for the store nor for the lease). With maxWait (AcquireAsync)
    // a refusal that frees up within the wait returns null: the caller's asynchronous loop waits and tries again.
    private RateLimitLease? AttemptAcquireInMemory(InMemoryQuotaStore memory, ApiRequest request, TimeSpan? maxWait)
    {
        var operation = Quotas(request.Operation);
        if (operation.Quotas.Length != 1)
        {
            return AttemptAcquireInMemoryMany(memory, request, operation, maxWait);
        }
        var counter = operation.Unpartitioned is { } shared ? shared[0] : CounterFor(operation.Quotas[0], request);
        var now = _clock.GetUtcTicks();
        var remaining = memory.TryAcquire(in counter, now, out var reason, out var retryAt);
        if (remaining < 0)
        {
            return RefusedInMemory(request, counter, reason, retryAt, new DateTimeOffset(now, TimeSpan.Zero), maxWait);
        }
        _granted.Increment();
        if (QuotaMetrics.Granted.Enabled)
        {
            QuotaMetrics.Granted.Add(1, new KeyValuePair<string, object?>("policy", counter.Policy.Name));
        }
        operation.RemainingSlot.Set(remaining, now);
        return QuotaLease.Granted(counter, now, remaining);
    }

    // Kept out of the one-policy path above (as is the refusal below), so its larger locals do not widen every call's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RateLimitLease? AttemptAcquireInMemoryMany(InMemoryQuotaStore memory, ApiRequest request, OperationQuotas operation, TimeSpan? maxWait)
    {
        if (operation.Quotas.Length == 0)
        {
            return Unlimited;
        }
        var counters = Counters(request, operation);
        var now = _clock.GetUtcNow();
        var result = memory.TryAcquire(counters, now.UtcTicks);
        return WouldWait(result, now, maxWait) ? null : Conclude(request, counters, operation.RemainingSlot, result, now, 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private QuotaLease? RefusedInMemory(ApiRequest request, QuotaCounter counter, QuotaRefusalReason reason, long retryAt, DateTimeOffset now, TimeSpan? maxWait)
    {
        var refused = InMemoryQuotaStore.Refused(in counter, reason, retryAt);
        return WouldWait(refused, now, maxWait) ? null : Refuse(request, counter, refused, now);
    }

    // A short wait (a per-second window rolling over, a 1 s server block) beats a refusal.
    private static bool WouldWait(in QuotaAcquireResult result, DateTimeOffset now, TimeSpan? maxWait) =>
        maxWait is { } wait && !result.Acquired && result.Reason != QuotaRefusalReason.StoreUnavailable && result.RetryAt is { } at && at <= now + wait;

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(ApiRequest resource, int permitCount, CancellationToken cancellationToken)
    {
        // The first attempt on the in-memory store completes without a state machine; everything else (argument
        // errors, cancellation, other stores, waiting) takes the asynchronous path, so errors still come back in the task.
        if (resource is not null && permitCount == 1 && _memory is { } memory && _options.Enabled && !cancellationToken.IsCancellationRequested
            && Volatile.Read(ref _disposed) == 0 && AttemptAcquireInMemory(memory, resource, _options.MaxWait) is { } lease)
        {
            return new(lease);
        }
        return AcquireAsyncSlow(resource!, permitCount, cancellationToken);
    }

    // Every store and every case: waits (up to MaxWait) when a refusal frees up soon.
    private async ValueTask<RateLimitLease> AcquireAsyncSlow(ApiRequest resource, int permitCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ThrowIfDisposed();
        CheckPermitCount(permitCount);
        var counters = Counters(resource, out var remainingSlot);
        if (counters.Length == 0)
        {
            return Unlimited;
        }
        var deadline = _clock.GetUtcNow() + _options.MaxWait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var now = _clock.GetUtcNow();
            var result = permitCount == 0
                ? await PeekAsync(counters, now, cancellationToken).ConfigureAwait(false)
                : await _store.TryAcquireAsync(counters, now, cancellationToken).ConfigureAwait(false);
            // Against the deadline of the first attempt.
            if (WouldWait(result, now, deadline - now))
            {
                var delay = result.RetryAt!.Value - now;
                Interlocked.Increment(ref _waiting);
                try
                {
                    await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }
                continue;
            }
            return Conclude(resource, counters, remainingSlot, result, now, permitCount);
        }
    }

    /// <summary>Gives back the permits of a lease whose request surely was not sent. A second call, a refused lease or a window that has ended gives nothing back.</summary>
    public async ValueTask ReturnAsync(QuotaLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        if (!lease.IsAcquired || lease.Counters.Count == 0 || !lease.TryMarkReturned())
        {
            return;
        }
        await _store.ReleaseAsync(lease.Counters, lease.At, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (var counter in lease.Counters)
        {
            QuotaMetrics.Returned.Add(1, new KeyValuePair<string, object?>("policy", counter.Policy.Name));
        }
    }

    /// <summary>
    /// Learns from the server's answer: a daily-limit 429 blocks the key until the next 00:00 UTC, a per-second 429
    /// blocks until Retry-After, and X-RateLimit-Remaining lowers the local count when it is lower.
    /// </summary>
    /// <param name="request">The request that was answered.</param>
    /// <param name="response">The answer (status and headers are read; the content is not).</param>
    /// <param name="body">The answer's body text when the status is 429, otherwise <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the store update.</param>
    public async ValueTask ObserveResponseAsync(ApiRequest request, HttpResponseMessage response, string? body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var counters = Counters(request);
        if (counters.Length == 0)
        {
            return;
        }
        var now = _clock.GetUtcNow();
        var kind = ServerQuotaSignal.Classify(response, body);
        if (kind != ServerLimitKind.None)
        {
            await BlockAsync(request, response, counters, kind, now, cancellationToken).ConfigureAwait(false);
        }
        if (ServerQuotaSignal.IntHeader(response, ServerQuotaSignal.RemainingHeader) is { } remaining)
        {
            var limit = ServerQuotaSignal.IntHeader(response, ServerQuotaSignal.LimitHeader);
            var daily = ServerQuotaSignal.IsDailyType(response);
            foreach (var counter in counters)
            {
                // Zoom's headers may describe another quota (the account's per-label count): only a matching limit,
                // or an explicit Daily-limit type, speaks of this daily policy.
                if (counter.Policy.Window != QuotaWindowKind.CalendarDayUtc || !(limit == counter.Limit || (limit is null && daily)))
                {
                    continue;
                }
                await _store.ReportRemainingAsync(counter, remaining, now, cancellationToken).ConfigureAwait(false);
                QuotaLog.ServerRemaining(_logger, remaining, counter.Limit, counter.Policy.Name, QuotaPartition.Mask(counter.PartitionKey));
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Interlocked.Exchange(ref _disposed, 1);
        base.Dispose(disposing);
    }

    private async ValueTask BlockAsync(ApiRequest request, HttpResponseMessage response, QuotaCounter[] counters, ServerLimitKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? retryAfter = RetryAfter.TryGet(response.Headers, now, out var at) && at > now ? at : null;
        var blocked = 0;
        foreach (var counter in counters)
        {
            DateTimeOffset? until = kind switch
            {
                // The server's Retry-After wins; Zoom's daily message says "resume at GMT 00:00:00".
                ServerLimitKind.Daily when counter.Policy.Window == QuotaWindowKind.CalendarDayUtc => retryAfter ?? QuotaWindows.NextUtcMidnight(now),
                ServerLimitKind.PerSecond when counter.Policy.Window == QuotaWindowKind.Fixed => retryAfter ?? now + TimeSpan.FromSeconds(1),
                // An unrecognised 429: with Retry-After, everything this call needs waits for it; without, short windows pause 1 s.
                ServerLimitKind.Unknown when retryAfter is not null => retryAfter,
                ServerLimitKind.Unknown when counter.Policy.Window == QuotaWindowKind.Fixed => now + TimeSpan.FromSeconds(1),
                _ => null,
            };
            if (until is not { } u)
            {
                continue;
            }
            await _store.BlockAsync(counter, u, now, cancellationToken).ConfigureAwait(false);
            blocked++;
            var kindText = kind.ToString();
            QuotaMetrics.ServerBlocks.Add(1, new KeyValuePair<string, object?>("policy", counter.Policy.Name), new KeyValuePair<string, object?>("kind", kindText));
            QuotaLog.ServerBlocked(_logger, kindText, request.Operation.OperationId, counter.Policy.Name, QuotaPartition.Mask(counter.PartitionKey), u);
        }
        if (blocked == 0)
        {
            QuotaLog.ServerBlockedNoPolicy(_logger, kind.ToString(), request.Operation.OperationId);
        }
    }

    private RateLimitLease Conclude(ApiRequest request, QuotaCounter[] counters, RemainingSlot? remainingSlot, QuotaAcquireResult result, DateTimeOffset now, int permitCount)
    {
        if (result.Acquired)
        {
            _granted.Increment();
            if (permitCount == 0)
            {
                return Unlimited;
            }
            foreach (var counter in counters)
            {
                QuotaMetrics.Granted.Add(1, new KeyValuePair<string, object?>("policy", counter.Policy.Name));
            }
            if (result.Remaining is { } remaining)
            {
                remainingSlot?.Set(remaining, now.UtcTicks);
            }
            return QuotaLease.Granted(counters, now, result.Remaining);
        }
        return Refuse(request, counters[0], result, now);
    }

    private QuotaLease Refuse(ApiRequest request, QuotaCounter first, QuotaAcquireResult result, DateTimeOffset now)
    {
        _refused.Increment();
        var by = result.RefusedBy ?? first;
        QuotaMetrics.Refused.Add(1, new KeyValuePair<string, object?>("policy", by.Policy.Name), new KeyValuePair<string, object?>("reason", result.Reason.ToString()));
        QuotaLog.Refused(_logger, by.Policy.Name, request.Operation.OperationId, QuotaPartition.Mask(by.PartitionKey), result.Reason, result.RetryAt);
        return QuotaLease.Refused(by, result.Reason, result.RetryAt, now);
    }

    // permitCount 0 asks "would an attempt be granted now?" without taking anything.
    private async ValueTask<QuotaAcquireResult> PeekAsync(QuotaCounter[] counters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var counter in counters)
        {
            var status = await _store.GetStatusAsync(counter, now, cancellationToken).ConfigureAwait(false);
            if (status.BlockedUntil is { } until)
            {
                return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.BlockedByServer, until);
            }
            if (status.Remaining <= 0)
            {
                return QuotaAcquireResult.Refused(counter, QuotaRefusalReason.LimitReached, status.WindowEndsAt);
            }
        }
        return QuotaAcquireResult.Granted();
    }

    // The counters of one attempt. Shared, never mutated: the cached array when no policy is partitioned.
    private QuotaCounter[] Counters(ApiRequest request) => Counters(request, out _);

    private QuotaCounter[] Counters(ApiRequest request, out RemainingSlot? remainingSlot)
    {
        remainingSlot = null;
        if (!_options.Enabled)
        {
            return [];
        }
        var operation = Quotas(request.Operation);
        remainingSlot = operation.RemainingSlot;
        return Counters(request, operation);
    }

    private static QuotaCounter[] Counters(ApiRequest request, OperationQuotas operation)
    {
        if (operation.Unpartitioned is { } shared)
        {
            return shared;
        }
        var quotas = operation.Quotas;
        var counters = new QuotaCounter[quotas.Length];
        for (var i = 0; i < quotas.Length; i++)
        {
            counters[i] = CounterFor(quotas[i], request);
        }
        return counters;
    }

    private static QuotaCounter CounterFor(EffectiveQuota quota, ApiRequest request)
    {
        var policy = quota.Policy;
        string? value = null;
        if (policy.PartitionParameter is { } parameter)
        {
            request.TryGetPartitionValue(parameter, out value);
        }
        return new QuotaCounter(policy, QuotaPartition.Normalize(policy, value), quota.Limit);
    }

    // The last operation's entry is checked first: a client calls a handful of operations, often the same one in a row.
    private OperationQuotas Quotas(ApiOperation operation)
    {
        var last = Volatile.Read(ref _lastOperation);
        if (last is not null && ReferenceEquals(last.Operation, operation))
        {
            return last;
        }
        var quotas = _byOperation.TryGetValue(operation, out var cached) ? cached : _byOperation.GetOrAdd(operation, Build);
        Volatile.Write(ref _lastOperation, quotas);
        return quotas;
    }

    private OperationQuotas Build(ApiOperation operation)
    {
        var quotas = _policies.For(operation, _unknownPolicy);
        QuotaCounter[]? unpartitioned = quotas.All(q => q.Policy.PartitionParameter is null)
            ? quotas.Select(q => new QuotaCounter(q.Policy, QuotaPartition.Normalize(q.Policy, null), q.Limit)).ToArray()
            : null;
        // The store reports "remaining" for the first counter, so the gauge series is that policy's.
        var slot = quotas.Length == 0 ? new RemainingSlot() : QuotaMetrics.SlotFor(_api.Name, quotas[0].Policy.Name);
        return new OperationQuotas(operation, quotas, unpartitioned, slot);
    }

    // What an operation consumes, resolved once: its quotas, its counters when none is partitioned, its gauge slot.
    private sealed record OperationQuotas(ApiOperation Operation, EffectiveQuota[] Quotas, QuotaCounter[]? Unpartitioned, RemainingSlot RemainingSlot);

    private static void CheckPermitCount(int permitCount)
    {
        if (permitCount > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "A quota permit is taken per attempt: ask for 1 (or 0 to check without taking).");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    // The RateLimiter API has synchronous members; in-memory and SQLite stores complete synchronously anyway.
    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
