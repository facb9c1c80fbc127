using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// The retry rules, in one place. Retried: 429 per-second (and unknown kinds), 503, and failures before the request
/// left (any method); timeouts, lost connections, 500, 502 and 504 only for idempotent methods. A POST/PATCH that may
/// have reached the server gets <see cref="OutcomeUnknownException"/> instead (502/504 included: a gateway may have
/// forwarded it). A daily-limit 429 is not retried: it surfaces as <see cref="ApiException"/> after the limiter has
/// learnt from it, and later calls are refused locally with <see cref="QuotaExceededException"/>.
/// </summary>
internal sealed class AttemptClassifier(ApiClientOptions options, TimeProvider time)
{
    public AttemptOutcome Classify(ApiCall call)
    {
        var operation = call.Operation;
        if (call.SendFailure is { } failure)
        {
            return ClassifyFailure(call, failure);
        }
        var response = call.Response ?? throw new InvalidOperationException("An attempt ended with neither an answer nor a failure.");
        int status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return AttemptOutcome.Success;
        }
        var error = ApiExceptionFactory.Create(call, options, time.GetUtcNow());
        return status switch
        {
            429 when error.RateLimitKind == RateLimitKind.Daily => AttemptOutcome.Fail(error, "daily limit reached"),
            429 => AttemptOutcome.Retry(error, "rate_limited", error.RateLimit.RetryAfter),
            503 => AttemptOutcome.Retry(error, "unavailable", error.RateLimit.RetryAfter),
            502 or 504 when !operation.IsIdempotent => Unknown(call, $"the gateway answered {status}", error),
            500 or 502 or 504 when operation.IsIdempotent => AttemptOutcome.Retry(error, "server_error"),
            _ => AttemptOutcome.Fail(error, "not retryable"),
        };
    }

    /// <summary>A timeout or a failure outside the send step (token or quota wait).</summary>
    public AttemptOutcome ClassifyFailure(ApiCall call, Exception failure)
    {
        var operation = call.Operation;
        bool timedOut = failure is OperationCanceledException;
        Exception error = timedOut
            ? new TimeoutException($"{operation.OperationId} got no answer within the attempt timeout ({options.AttemptTimeout}).", failure)
            : failure;
        if (!call.MayHaveReachedServer)
        {
            return AttemptOutcome.Retry(error, timedOut ? "timeout_before_send" : "connection_failed");
        }
        if (operation.IsIdempotent)
        {
            return AttemptOutcome.Retry(error, timedOut ? "timeout" : "connection_lost");
        }
        return Unknown(call, timedOut ? "the attempt timed out" : "the connection was lost", error);
    }

    public static AttemptOutcome ClassifyQuotaRefusal(QuotaExceededException refusal) =>
        refusal.Reason == QuotaRefusalReason.LimitReached && refusal.RetryAt is { } at
            ? AttemptOutcome.Retry(refusal, "quota", at)
            : AttemptOutcome.Fail(refusal, "quota refused");

    private static AttemptOutcome Unknown(ApiCall call, string reason, Exception inner) =>
        AttemptOutcome.Fail(new OutcomeUnknownException(call.Operation.OperationId, call.Operation.Method.Method, call.Attempt, reason, inner), reason);
}
