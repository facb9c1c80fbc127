using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Redis;

/// <summary>Settings of <see cref="RedisQuotaStore"/>. Checked when the store is created; a bad value throws <see cref="ArgumentException"/>.</summary>
public sealed class RedisQuotaStoreOptions
{
    /// <summary>The start of every key the store writes. Default <c>codegen:quota:</c>. Must not contain <c>{</c> or <c>}</c>.</summary>
    public string KeyPrefix { get; set; } = "codegen:quota:";

    /// <summary>
    /// The Redis Cluster hash tag put after <see cref="KeyPrefix"/> in every key, default <c>codegen</c>: all keys of the
    /// store land on one cluster slot, so one script can check and take the per-user daily count and the per-account
    /// per-second count together, all-or-nothing. Clients that never share a request can use different tags to spread
    /// over the cluster. Must be non-empty and must not contain <c>{</c> or <c>}</c>.
    /// </summary>
    public string HashTag { get; set; } = "codegen";

    /// <summary>The Redis database number, or -1 for the connection's default database.</summary>
    public int Database { get; set; } = -1;

    /// <summary>What to do when Redis cannot be reached. Default <see cref="RedisFailureMode.FailClosed"/>.</summary>
    public RedisFailureMode FailureMode { get; set; } = RedisFailureMode.FailClosed;

    /// <summary>The store that answers while Redis is unreachable; required with <see cref="RedisFailureMode.FallbackToLocal"/>.</summary>
    public IQuotaStore? FallbackStore { get; set; }

    /// <summary>
    /// How long a count key outlives the end of its window (the server deletes it then). Default 1 minute; between
    /// 1 second and 1 day.
    /// </summary>
    public TimeSpan ExpiryMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait for a connection to Redis (used by <see cref="RedisQuotaStore.CreateConnectionOptions"/>). Default 2 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long one store call waits for Redis before the failure mode decides (used by
    /// <see cref="RedisQuotaStore.CreateConnectionOptions"/>). Default 1 second.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Tests only: shifts the Redis server's clock as the scripts read it (added to <c>TIME</c> inside every script),
    /// so a test can stand just before or after the server's midnight while still running the real scripts.
    /// </summary>
    internal TimeSpan ServerClockOffsetForTesting { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> listing every invalid setting.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (KeyPrefix is null || KeyPrefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            problems.Add("KeyPrefix must be set and must not contain '{' or '}' (the store adds its own hash tag).");
        }

        if (string.IsNullOrEmpty(HashTag) || HashTag.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            problems.Add("HashTag must be non-empty and must not contain '{' or '}'.");
        }

        if (Database < -1)
        {
            problems.Add($"Database must be -1 (the default database) or a database number, not {Database}.");
        }

        if (!Enum.IsDefined(FailureMode))
        {
            problems.Add($"FailureMode {(int)FailureMode} is not a defined RedisFailureMode.");
        }

        if (FailureMode == RedisFailureMode.FallbackToLocal && FallbackStore is null)
        {
            problems.Add("FailureMode FallbackToLocal needs a FallbackStore (for example the in-memory quota store).");
        }

        if (FallbackStore is RedisQuotaStore)
        {
            problems.Add("FallbackStore must be a local store, not another RedisQuotaStore.");
        }

        if (ExpiryMargin < TimeSpan.FromSeconds(1) || ExpiryMargin > TimeSpan.FromDays(1))
        {
            problems.Add($"ExpiryMargin must be between 1 second and 1 day, not {ExpiryMargin}.");
        }

        if (ConnectTimeout <= TimeSpan.Zero || ConnectTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"ConnectTimeout must be positive and at most 5 minutes, not {ConnectTimeout}.");
        }

        if (OperationTimeout <= TimeSpan.Zero || OperationTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"OperationTimeout must be positive and at most 5 minutes, not {OperationTimeout}.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid RedisQuotaStoreOptions: " + string.Join(" ", problems), "options");
        }
    }

    internal RedisQuotaStoreOptions Clone() => (RedisQuotaStoreOptions)MemberwiseClone();
}
