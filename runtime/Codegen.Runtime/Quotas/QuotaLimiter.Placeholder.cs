using System.Threading.RateLimiting;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Quotas;

// Contract placeholder so the transport can compile against QuotaLimiter; the quota work replaces this file.
public sealed partial class QuotaLimiter
{
    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics(ApiRequest resource) => throw new NotImplementedException();

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(ApiRequest resource, int permitCount) => throw new NotImplementedException();

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(ApiRequest resource, int permitCount, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public sealed partial class QuotaLease
{
    /// <inheritdoc />
    public override bool IsAcquired => throw new NotImplementedException();

    /// <inheritdoc />
    public override IEnumerable<string> MetadataNames => throw new NotImplementedException();

    /// <inheritdoc />
    public override bool TryGetMetadata(string metadataName, out object? metadata) => throw new NotImplementedException();
}
