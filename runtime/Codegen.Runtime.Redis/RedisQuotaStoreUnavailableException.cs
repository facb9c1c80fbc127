namespace Codegen.Runtime.Redis;

/// <summary>
/// Thrown by <see cref="RedisQuotaStore.GetStatusAsync"/> when Redis cannot be reached and no fallback store is configured:
/// a status read has no safe answer to invent. Acquires never throw it; they follow <see cref="RedisQuotaStoreOptions.FailureMode"/>.
/// </summary>
public sealed class RedisQuotaStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be done.</param>
    /// <param name="innerException">The Redis client's error.</param>
    public RedisQuotaStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
