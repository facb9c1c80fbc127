using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Quotas;

// Log lines of the quota limiter. Keys are masked (they can be e-mail addresses).
internal static partial class QuotaLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Quota {Policy} refused an attempt of {Operation} for key {Key}: {Reason}, frees up at {RetryAt}.")]
    public static partial void Refused(ILogger logger, string policy, string operation, string key, QuotaRefusalReason reason, DateTimeOffset? retryAt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "The server answered 429 ({Kind}) to {Operation}; quota {Policy} is blocked for key {Key} until {Until}.")]
    public static partial void ServerBlocked(ILogger logger, string kind, string operation, string policy, string key, DateTimeOffset until);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "The server answered 429 ({Kind}) to {Operation}, but the operation has no quota policy of that kind to block.")]
    public static partial void ServerBlockedNoPolicy(ILogger logger, string kind, string operation);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Operation {Operation} names quota {Policy}, which the API description does not declare; it is not enforced.")]
    public static partial void UnknownPolicy(ILogger logger, string operation, string policy);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "The server reports {Remaining} of {Limit} left for quota {Policy}, key {Key}; the local count was raised to match.")]
    public static partial void ServerRemaining(ILogger logger, int remaining, int limit, string policy, string key);
}
