using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// Sends one attempt and reads the whole answer. A failure is recorded on the call, not thrown, together with
/// whether the request may have reached the server: that decides what a retry may do.
/// </summary>
internal sealed class SendStep(HttpClient httpClient, RequestMessageFactory messages, ApiClientOptions options, TimeProvider time, ILogger logger) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        using var message = messages.Create(call);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.Sending(logger, message.Method.Method, Redaction.Redactor.RedactUrl(message.RequestUri, options.LoggedQueryParameters), call.Attempt);
        }
        long started = time.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, call.AttemptToken).ConfigureAwait(false);
            call.MayHaveReachedServer = true;
            // A streamed success body is left on the wire for the caller; everything else is read whole.
            var body = call.StreamsResponse && response.IsSuccessStatusCode
                ? null
                : await PooledBuffer.ReadAsync(response.Content, options.MaxResponseBodyBytes, call.AttemptToken).ConfigureAwait(false);
            call.SetResponse(response, body);
            response = null;
            var answer = call.Response!;
            TransportLog.Received(logger, call.Operation.OperationId, (int)answer.StatusCode, time.GetElapsedTime(started).TotalMilliseconds, RequestIds.Find(answer, options) ?? "-");
            if (logger.IsEnabled(LogLevel.Trace))
            {
                TransportLog.ResponseHeaders(logger, HeaderFormatter.Format(answer, options.LoggedHeaders));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            response?.Dispose();
            call.SendFailure = exception;
            // A connection that was never made cannot have carried the request; anything later might have.
            call.MayHaveReachedServer |= !FailedBeforeSending(exception);
        }
    }

    internal static bool FailedBeforeSending(Exception exception)
    {
        if (exception is HttpRequestException http)
        {
            if (http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
            {
                return true;
            }
            return http.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
        }
        return false;
    }
}
