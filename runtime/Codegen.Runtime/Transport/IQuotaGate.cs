using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport;

/// <summary>
/// The transport's view of the quota limiter: one permit per attempt, given back only when the request surely was
/// not sent, and the server's answer fed back. A seam so the transport is tested with a double; in production it is
/// <see cref="LimiterQuotaGate"/> over <see cref="QuotaLimiter"/>.
/// </summary>
internal interface IQuotaGate
{
    /// <summary>Takes a permit for one attempt.</summary>
    /// <exception cref="QuotaExceededException">A quota refused; nothing was sent.</exception>
    ValueTask<IQuotaPermit> AcquireAsync(ApiRequest request, CancellationToken cancellationToken);

    /// <summary>Learns from an answer (429 body text given, otherwise <see langword="null"/>).</summary>
    ValueTask ObserveResponseAsync(ApiRequest request, HttpResponseMessage response, string? body, CancellationToken cancellationToken);
}

/// <summary>A permit held for one attempt.</summary>
internal interface IQuotaPermit : IDisposable
{
    /// <summary>Gives the permit back; only for a request that surely was not sent.</summary>
    ValueTask ReturnAsync(CancellationToken cancellationToken);
}
