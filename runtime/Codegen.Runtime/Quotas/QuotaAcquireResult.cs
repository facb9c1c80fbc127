namespace Codegen.Runtime.Quotas;

/// <summary>Why a store refused a permit.</summary>
public enum QuotaRefusalReason
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The window's count reached its limit.</summary>
    LimitReached,

    /// <summary>The server said the limit was reached (a 429) and the key is blocked until a time.</summary>
    BlockedByServer,

    /// <summary>The store could not be reached and the configured failure mode refuses.</summary>
    StoreUnavailable,
}

/// <summary>The answer of <see cref="IQuotaStore.TryAcquireAsync"/>: all counters were taken, or none.</summary>
public readonly record struct QuotaAcquireResult
{
    /// <summary><see langword="true"/> when every counter took a permit.</summary>
    public bool Acquired { get; init; }

    /// <summary>The counter that refused, when refused.</summary>
    public QuotaCounter? RefusedBy { get; init; }

    /// <summary>Why it refused.</summary>
    public QuotaRefusalReason Reason { get; init; }

    /// <summary>When the refusing counter frees up (window end, block end), when known.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>Permits left in the first counter's window after this acquire, when known.</summary>
    public int? Remaining { get; init; }

    /// <summary>A granted result.</summary>
    public static QuotaAcquireResult Granted(int? remaining = null) => new() { Acquired = true, Remaining = remaining };

    /// <summary>A refused result.</summary>
    public static QuotaAcquireResult Refused(QuotaCounter by, QuotaRefusalReason reason, DateTimeOffset? retryAt) =>
        new() { Acquired = false, RefusedBy = by, Reason = reason, RetryAt = retryAt };
}
