namespace Codegen.Runtime.Quotas;

/// <summary>
/// Thrown when a call is refused locally because a quota is used up or blocked. Nothing was sent.
/// It says which limit refused and when it frees up.
/// </summary>
public sealed class QuotaExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QuotaExceededException(string policyName, string partitionKey, QuotaRefusalReason reason, DateTimeOffset? retryAt, string message)
        : base(message)
    {
        PolicyName = policyName;
        PartitionKey = partitionKey;
        Reason = reason;
        RetryAt = retryAt;
    }

    /// <summary>The policy that refused, for example <c>meeting-create-update</c>.</summary>
    public string PolicyName { get; }

    /// <summary>The partition value that refused (for Zoom, the host user id), or an empty string for account-wide policies.</summary>
    public string PartitionKey { get; }

    /// <summary>Why the call was refused.</summary>
    public QuotaRefusalReason Reason { get; }

    /// <summary>When the quota frees up, when known.</summary>
    public DateTimeOffset? RetryAt { get; }
}
