using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport;

/// <summary>The production <see cref="IQuotaGate"/>: leases from a <see cref="QuotaLimiter"/>.</summary>
internal sealed class LimiterQuotaGate(QuotaLimiter limiter) : IQuotaGate
{
    public async ValueTask<IQuotaPermit> AcquireAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var lease = (QuotaLease)await limiter.AcquireAsync(request, 1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            using (lease)
            {
                throw lease.ToException();
            }
        }
        return new LeasePermit(limiter, lease);
    }

    public ValueTask ObserveResponseAsync(ApiRequest request, HttpResponseMessage response, string? body, CancellationToken cancellationToken) =>
        limiter.ObserveResponseAsync(request, response, body, cancellationToken);

    private sealed class LeasePermit(QuotaLimiter limiter, QuotaLease lease) : IQuotaPermit
    {
        public ValueTask ReturnAsync(CancellationToken cancellationToken) => limiter.ReturnAsync(lease, cancellationToken);

        public void Dispose() => lease.Dispose();
    }
}
