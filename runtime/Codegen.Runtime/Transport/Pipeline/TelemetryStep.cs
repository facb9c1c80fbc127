using System.Diagnostics;
using Codegen.Runtime.Diagnostics;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// Once per call: an activity (span) tagged with the operation, method, final status and attempt count, and the
/// call counter and duration. No tag ever holds a URL query, a body or a header value.
/// </summary>
internal sealed class TelemetryStep(string clientName, TimeProvider time) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        var operation = call.Operation;
        using var activity = CodegenTelemetry.ActivitySource.StartActivity(operation.OperationId, ActivityKind.Client);
        activity?.SetTag("codegen.client", clientName);
        activity?.SetTag("codegen.operation_id", operation.OperationId);
        activity?.SetTag("http.request.method", operation.Method.Method);
        activity?.SetTag("url.template", operation.PathTemplate);
        long started = time.GetTimestamp();
        string outcome = "success";
        try
        {
            await next.InvokeAsync(call).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = exception switch
            {
                OperationCanceledException => "cancelled",
                OutcomeUnknownException => "outcome_unknown",
                QuotaExceededException => "quota_exceeded",
                ApiException => "api_error",
                ApiAuthenticationException => "auth_error",
                _ => "error",
            };
            if (exception is OutcomeUnknownException)
            {
                TransportTelemetry.OutcomeUnknown.Add(1, new KeyValuePair<string, object?>("codegen.operation_id", operation.OperationId));
            }
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("error.type", exception.GetType().Name);
            throw;
        }
        finally
        {
            int? status = call.Response is { } response ? (int)response.StatusCode : null;
            activity?.SetTag("http.response.status_code", status);
            activity?.SetTag("codegen.attempts", call.Attempt);
            var tags = new TagList
            {
                { "codegen.client", clientName },
                { "codegen.operation_id", operation.OperationId },
                { "http.request.method", operation.Method.Method },
                { "codegen.outcome", outcome },
            };
            if (status is not null)
            {
                tags.Add("http.response.status_code", status);
            }
            TransportTelemetry.Calls.Add(1, tags);
            TransportTelemetry.Duration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
