using System.Threading.RateLimiting;
using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport;

// MERGE NOTE: the quota work adds QuotaLease.ToException(); an instance method wins over this extension, so after the
// merge this file is dead code and can be deleted. It exists only so the transport compiles before the merge.
internal static class QuotaLeaseCompatibility
{
    public static QuotaExceededException ToException(this QuotaLease lease)
    {
        DateTimeOffset? retryAt = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? TimeProvider.System.GetUtcNow() + after : null;
        return new QuotaExceededException(string.Empty, string.Empty, QuotaRefusalReason.LimitReached, retryAt, "A quota refused the call; nothing was sent.");
    }
}
