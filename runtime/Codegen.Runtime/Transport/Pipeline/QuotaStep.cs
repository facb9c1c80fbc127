using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// Takes a quota permit for the attempt, gives it back only when the request surely was not sent or was refused
/// unprocessed with a 429, and feeds every
/// answer back to the limiter (the server's word wins). A failing quota store never changes the call's result.
/// </summary>
internal sealed class QuotaStep(IQuotaGate gate, ILogger logger) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        using var permit = await gate.AcquireAsync(call.Request, call.AttemptToken).ConfigureAwait(false);
        call.MayHaveReachedServer = false;
        try
        {
            await next.InvokeAsync(call).ConfigureAwait(false);
        }
        finally
        {
            // Given back when the request surely was not sent, and when the server refused it with a 429: a rate-limited
            // request is not processed, so keeping its permit would count one call more than the server did (the
            // limiter's feedback below still blocks the key or label as the 429 says).
            if (!call.MayHaveReachedServer || call.Response?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                try
                {
                    await permit.ReturnAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    TransportLog.QuotaReturnFailed(logger, exception, call.Operation.OperationId);
                }
            }
        }

        if (call.Response is { } response)
        {
            try
            {
                string? body = response.StatusCode == HttpStatusCode.TooManyRequests && call.ResponseBody is { } bytes
                    ? Encoding.UTF8.GetString(bytes.Span)
                    : null;
                // The answer is in: the feedback must not be lost because the caller stopped waiting.
                await gate.ObserveResponseAsync(call.Request, response, body, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                TransportLog.QuotaFeedbackFailed(logger, exception, call.Operation.OperationId);
            }
        }
    }
}
