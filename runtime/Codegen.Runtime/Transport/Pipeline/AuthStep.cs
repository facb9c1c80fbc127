using System.Net;
using Codegen.Runtime.Auth;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// Puts the access token on the attempt. A 401 means the request was rejected before processing, so — once per
/// call, when the provider can bring a different token — it invalidates the token and re-sends, even a POST.
/// </summary>
internal sealed class AuthStep(IAccessTokenProvider tokens, ILogger logger) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        call.AccessToken = await tokens.GetAccessTokenAsync(call.AttemptToken).ConfigureAwait(false);
        await next.InvokeAsync(call).ConfigureAwait(false);

        if (call.Response?.StatusCode == HttpStatusCode.Unauthorized && !call.ReauthenticationUsed && call.Request.CanResendBody && tokens.Invalidate(call.AccessToken))
        {
            call.ReauthenticationUsed = true;
            TransportLog.Reauthenticating(logger, call.Operation.OperationId);
            call.ClearAttempt();
            call.AccessToken = await tokens.GetAccessTokenAsync(call.AttemptToken).ConfigureAwait(false);
            await next.InvokeAsync(call).ConfigureAwait(false);
        }
    }
}
