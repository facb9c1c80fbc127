namespace Codegen.Runtime.Redis;

/// <summary>What <see cref="RedisQuotaStore"/> does when Redis cannot be reached (connection down, timeout, server loading).</summary>
public enum RedisFailureMode
{
    /// <summary>
    /// The default, for "never over-grant": an acquire is refused with <see cref="Codegen.Runtime.Quotas.QuotaRefusalReason.StoreUnavailable"/>
    /// (nothing is sent to the API); releases, blocks and reported counts are dropped; a status read throws
    /// <see cref="RedisQuotaStoreUnavailableException"/>.
    /// </summary>
    FailClosed,

    /// <summary>
    /// Availability first: an acquire is granted without counting (the API's own limits and its 429 answers still apply);
    /// releases, blocks and reported counts are dropped; a status read throws <see cref="RedisQuotaStoreUnavailableException"/>.
    /// </summary>
    FailOpen,

    /// <summary>
    /// Every call goes to <see cref="RedisQuotaStoreOptions.FallbackStore"/> (for example the in-memory store) while Redis is
    /// unreachable: each instance then counts on its own, so the instances together may grant up to the limit once each.
    /// </summary>
    FallbackToLocal,
}
