using System.Threading.RateLimiting;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// The quota limiter of one generated client: a <see cref="PartitionedRateLimiter{TResource}"/> over API requests
/// that enforces every <see cref="QuotaPolicy"/> an operation declares, against an <see cref="IQuotaStore"/>.
/// </summary>
public sealed partial class QuotaLimiter : PartitionedRateLimiter<ApiRequest>
{
    /// <summary>Gives back the permits of a lease whose request surely was not sent.</summary>
    public ValueTask ReturnAsync(QuotaLease lease, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("Contract placeholder; implemented by the quota work.");

    /// <summary>
    /// Learns from the server's answer: a daily-limit 429 blocks the key until the next 00:00 UTC, a per-second 429
    /// blocks until Retry-After, and X-RateLimit-Remaining lowers the local count when it is lower.
    /// </summary>
    /// <param name="request">The request that was answered.</param>
    /// <param name="response">The answer (status and headers are read; the content is not).</param>
    /// <param name="body">The answer's body text when the status is 429, otherwise <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the store update.</param>
    public ValueTask ObserveResponseAsync(ApiRequest request, HttpResponseMessage response, string? body, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("Contract placeholder; implemented by the quota work.");
}

/// <summary>A permit (or a refusal) for one attempt of one request.</summary>
public sealed partial class QuotaLease : RateLimitLease
{
}
