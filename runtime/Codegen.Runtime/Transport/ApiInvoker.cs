using Codegen.Runtime.Json;

namespace Codegen.Runtime.Transport;

/// <summary>
/// Sends the requests of one generated client through the runtime pipeline:
/// quota permit → auth → send → classify → retry / server feedback. Generated clients hold one.
/// </summary>
public sealed partial class ApiInvoker
{
    /// <summary>Sends a request and reads a JSON response body with generated code.</summary>
    public Task<T> SendAsync<T>(ApiRequest request, JsonReadFunc<T> readBody, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("Contract placeholder; implemented by the transport work.");

    /// <summary>Sends a request whose successful answer has no body (or one the caller ignores).</summary>
    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
        => throw new NotImplementedException("Contract placeholder; implemented by the transport work.");
}
