using System.Threading.RateLimiting;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// Metadata a refused <see cref="QuotaLease"/> carries next to <see cref="MetadataName.RetryAfter"/>:
/// which policy refused, why, and when it frees up.
/// </summary>
public static class QuotaMetadataNames
{
    /// <summary>The name of the policy that refused.</summary>
    public static MetadataName<string> PolicyName { get; } = MetadataName.Create<string>("QUOTA_POLICY");

    /// <summary>Why it refused.</summary>
    public static MetadataName<QuotaRefusalReason> Reason { get; } = MetadataName.Create<QuotaRefusalReason>("QUOTA_REASON");

    /// <summary>The moment the refusing policy frees up (absent when unknown).</summary>
    public static MetadataName<DateTimeOffset> RetryAt { get; } = MetadataName.Create<DateTimeOffset>("QUOTA_RETRY_AT");
}
