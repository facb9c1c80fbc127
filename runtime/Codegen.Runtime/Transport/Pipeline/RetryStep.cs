using System.Runtime.ExceptionServices;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// Runs the per-attempt steps until an attempt succeeds, fails for good, or the attempts or time run out. Each
/// attempt has its own timeout; the caller's cancellation ends the call at once and is never retried. Waits honour
/// <c>Retry-After</c> (never earlier) or use jittered exponential backoff, and go through an injectable delay so
/// tests record them instead of sleeping.
/// </summary>
internal sealed class RetryStep(
    ApiClientOptions options,
    AttemptClassifier classifier,
    TimeProvider time,
    Func<TimeSpan, CancellationToken, Task> delay,
    Func<double> random,
    ILogger logger) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        var retry = options.Retry;
        var startedAt = time.GetUtcNow();
        for (int attempt = 1; ; attempt++)
        {
            call.CallerToken.ThrowIfCancellationRequested();
            call.ClearAttempt();
            call.Attempt = attempt;
            call.MayHaveReachedServer = false;
            var outcome = await RunAttemptAsync(call, next).ConfigureAwait(false);

            if (outcome.Verdict == AttemptVerdict.Success)
            {
                return;
            }
            var error = outcome.Error!;
            if (outcome.Verdict == AttemptVerdict.Fail)
            {
                Report(call, error, outcome.Reason);
                ExceptionDispatchInfo.Throw(error);
            }
            var now = time.GetUtcNow();
            var wait = outcome.RetryAt is { } at ? Max(at - now, TimeSpan.Zero) : Backoff(attempt);
            if (attempt >= retry.MaxAttempts)
            {
                Report(call, error, $"{outcome.Reason}, no attempts left");
                ExceptionDispatchInfo.Throw(error);
            }
            if (!call.Request.CanResendBody)
            {
                // A body stream that cannot seek was read by this attempt: re-sending it would send nothing.
                Report(call, error, $"{outcome.Reason}, the request body stream cannot seek and was already sent");
                ExceptionDispatchInfo.Throw(error);
            }
            if (wait > retry.MaxDelay || now + wait - startedAt > retry.MaxTotalTime)
            {
                Report(call, error, $"{outcome.Reason}, the next try would be after {wait}, beyond the retry limits");
                ExceptionDispatchInfo.Throw(error);
            }

            TransportTelemetry.Retries.Add(1,
                new KeyValuePair<string, object?>("codegen.operation_id", call.Operation.OperationId),
                new KeyValuePair<string, object?>("codegen.retry_reason", outcome.Reason));
            TransportLog.Retrying(logger, call.Operation.OperationId, wait.TotalMilliseconds, attempt + 1, retry.MaxAttempts, outcome.Reason);
            call.ClearAttempt();
            await delay(wait, call.CallerToken).ConfigureAwait(false);
        }
    }

    private async Task<AttemptOutcome> RunAttemptAsync(ApiCall call, PipelineNext next)
    {
        using var timeout = options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(call.CallerToken, timeout.Token);
        call.AttemptToken = linked?.Token ?? call.CallerToken;
        try
        {
            await next.InvokeAsync(call).ConfigureAwait(false);
            // A send cut short by the caller is recorded as a failure; turn it into the caller's cancellation.
            if (call.SendFailure is not null)
            {
                call.CallerToken.ThrowIfCancellationRequested();
            }
            return classifier.Classify(call);
        }
        catch (OperationCanceledException) when (call.CallerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception) when (timeout?.IsCancellationRequested == true)
        {
            // Timed out outside the send step: while waiting for a token or a quota permit.
            return classifier.ClassifyFailure(call, exception);
        }
        catch (QuotaExceededException refusal)
        {
            return AttemptClassifier.ClassifyQuotaRefusal(refusal);
        }
        finally
        {
            call.AttemptToken = call.CallerToken;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var retry = options.Retry;
        double exponential = retry.BaseDelay.Ticks * Math.Pow(2, attempt - 1);
        double capped = Math.Min(exponential, retry.MaxDelay.Ticks);
        double factor = retry.UseJitter ? 0.5 + (0.5 * random()) : 1.0;
        return TimeSpan.FromTicks((long)(capped * factor));
    }

    private void Report(ApiCall call, Exception error, string reason)
    {
        switch (error)
        {
            case OutcomeUnknownException:
                TransportLog.OutcomeUnknown(logger, call.Operation.Method.Method, call.Operation.OperationId, reason);
                break;
            case ApiException api:
                TransportLog.NotRetried(logger, call.Operation.OperationId, (int)api.StatusCode, reason);
                break;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
