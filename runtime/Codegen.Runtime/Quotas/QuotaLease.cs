using System.Threading.RateLimiting;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// A permit (or a refusal) for one attempt of one request. A granted lease holds one permit of every policy the
/// operation consumes; the permits stay used when the lease is disposed (a quota counts calls, not concurrency) and
/// are given back only by <see cref="QuotaLimiter.ReturnAsync"/>. A refused lease says which policy refused, why and
/// when it frees up, as <see cref="MetadataName.RetryAfter"/> and <see cref="QuotaMetadataNames"/> metadata.
/// </summary>
public sealed partial class QuotaLease : RateLimitLease
{
    private static readonly string[] NoMetadata = [];

    // A granted lease (every call) stays small; what only a refusal has lives in a second object.
    private readonly Refusal? _refusal;
    // A one-counter grant (the common case) keeps its counter inline; the list is made only if someone asks for it.
    private readonly QuotaCounter _single;
    private IReadOnlyList<QuotaCounter>? _counters;
    private readonly long _atTicks;
    private readonly int _remaining;
    private readonly bool _hasRemaining;
    private int _returned;

    private QuotaLease(bool acquired, IReadOnlyList<QuotaCounter>? counters, QuotaCounter single, long atTicks, int? remaining, Refusal? refusal)
    {
        IsAcquired = acquired;
        _counters = counters;
        _single = single;
        _atTicks = atTicks;
        _remaining = remaining.GetValueOrDefault();
        _hasRemaining = remaining.HasValue;
        _refusal = refusal;
    }

    internal static QuotaLease Granted(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, int? remaining) =>
        new(true, counters, default, acquiredAt.UtcTicks, remaining, null);

    internal static QuotaLease Granted(QuotaCounter counter, long acquiredAtTicks, int? remaining) =>
        new(true, null, counter, acquiredAtTicks, remaining, null);

    internal static QuotaLease Refused(QuotaCounter refusedBy, QuotaRefusalReason reason, DateTimeOffset? retryAt, DateTimeOffset now) =>
        new(false, Array.Empty<QuotaCounter>(), default, now.UtcTicks, null, new Refusal(refusedBy, reason, retryAt));

    /// <inheritdoc />
    public override bool IsAcquired { get; }

    /// <summary>The counters this lease took a permit from (empty when refused, or when no quota applies).</summary>
    public IReadOnlyList<QuotaCounter> Counters => _counters ??= new[] { _single }; // a race makes two equal lists: harmless

    /// <summary>When the permits were taken (granted) or the attempt was refused (UTC).</summary>
    public DateTimeOffset At => new(_atTicks, TimeSpan.Zero);

    /// <summary>Permits left in the first policy's window after this grant, when known.</summary>
    public int? Remaining => _hasRemaining ? _remaining : null;

    /// <summary>The counter that refused, when refused.</summary>
    public QuotaCounter? RefusedBy => _refusal?.By;

    /// <summary>The name of the policy that refused, when refused.</summary>
    public string? PolicyName => _refusal?.By.Policy.Name;

    /// <summary>Why the attempt was refused; <see cref="QuotaRefusalReason.None"/> when granted.</summary>
    public QuotaRefusalReason Reason => _refusal?.Reason ?? QuotaRefusalReason.None;

    /// <summary>When the refusing policy frees up, when known.</summary>
    public DateTimeOffset? RetryAt => _refusal?.RetryAt;

    /// <inheritdoc />
    public override IEnumerable<string> MetadataNames
    {
        get
        {
            if (IsAcquired)
            {
                return NoMetadata;
            }
            return RetryAt is null
                ? [QuotaMetadataNames.PolicyName.Name, QuotaMetadataNames.Reason.Name]
                : [MetadataName.RetryAfter.Name, QuotaMetadataNames.PolicyName.Name, QuotaMetadataNames.Reason.Name, QuotaMetadataNames.RetryAt.Name];
        }
    }

    /// <inheritdoc />
    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        if (IsAcquired || metadataName is null)
        {
            return false;
        }
        if (metadataName == MetadataName.RetryAfter.Name && RetryAt is { } at)
        {
            var wait = at - At;
            metadata = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        else if (metadataName == QuotaMetadataNames.PolicyName.Name)
        {
            metadata = PolicyName;
        }
        else if (metadataName == QuotaMetadataNames.Reason.Name)
        {
            metadata = Reason;
        }
        else if (metadataName == QuotaMetadataNames.RetryAt.Name && RetryAt is { } retryAt)
        {
            metadata = retryAt;
        }
        return metadata is not null;
    }

    /// <summary>
    /// The exception for a refused lease: which limit refused and when it frees up, for example
    /// "Quota 'meeting-create-update' is used up for this key (100 per UTC day); it frees up at 2026-11-27T00:00:00Z (in 3h 12m). Nothing was sent."
    /// </summary>
    /// <exception cref="InvalidOperationException">The lease was granted.</exception>
    public QuotaExceededException ToException()
    {
        if (IsAcquired || RefusedBy is not { } counter)
        {
            throw new InvalidOperationException("The lease was granted; only a refused lease becomes a QuotaExceededException.");
        }
        return new QuotaExceededException(counter.Policy.Name, counter.PartitionKey, Reason, RetryAt,
            QuotaMessages.Refusal(counter, Reason, RetryAt, At));
    }

    // True only for the first caller: a lease's permits are given back at most once.
    internal bool TryMarkReturned() => Interlocked.Exchange(ref _returned, 1) == 0;

    private sealed record Refusal(QuotaCounter By, QuotaRefusalReason Reason, DateTimeOffset? RetryAt);
}
