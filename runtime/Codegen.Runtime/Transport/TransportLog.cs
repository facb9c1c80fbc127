using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport;

/// <summary>The transport's log messages. Arguments are redacted before they get here: no token, secret or query value.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Sending {Method} {Url} (attempt {Attempt}).")]
    public static partial void Sending(ILogger logger, string method, string url, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "{OperationId} answered {StatusCode} in {ElapsedMilliseconds:0} ms (request id {RequestId}).")]
    public static partial void Received(ILogger logger, string operationId, int statusCode, double elapsedMilliseconds, string requestId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Trace, Message = "Answer headers: {Headers}")]
    public static partial void ResponseHeaders(ILogger logger, string headers);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Retrying {OperationId} in {DelayMilliseconds:0} ms (attempt {NextAttempt} of {MaxAttempts}): {Reason}.")]
    public static partial void Retrying(ILogger logger, string operationId, double delayMilliseconds, int nextAttempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The outcome of {Method} {OperationId} is unknown ({Reason}); it was not re-sent.")]
    public static partial void OutcomeUnknown(ILogger logger, string method, string operationId, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "{OperationId} was refused with 401; refreshing the access token and sending once more.")]
    public static partial void Reauthenticating(ILogger logger, string operationId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Quota feedback for {OperationId} failed; the call's result stands.")]
    public static partial void QuotaFeedbackFailed(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Giving back the quota permit of {OperationId} failed.")]
    public static partial void QuotaReturnFailed(ILogger logger, Exception exception, string operationId);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "{OperationId} failed with {StatusCode} and is not retried: {Reason}.")]
    public static partial void NotRetried(ILogger logger, string operationId, int statusCode, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Redirect {StatusCode} from {From} to {To}{AuthorizationNote}.")]
    public static partial void Redirecting(ILogger logger, int statusCode, string from, string to, string authorizationNote);
}
