using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Transport;

/// <summary>
/// Tells a daily-limit 429 from a per-second one. Zoom often sends no headers, so the <c>X-RateLimit-Type</c> header
/// is used when present and the body's message otherwise ("daily rate limit", "per-second rate limit", "concurrent").
/// </summary>
internal static class RateLimitClassifier
{
    public static RateLimitKind Classify(RateLimitInfo headers, string? message)
    {
        if (headers.Type is { } type)
        {
            if (type.Contains("daily", StringComparison.OrdinalIgnoreCase) || type.Contains("day", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitKind.Daily;
            }
            if (type.Contains("qps", StringComparison.OrdinalIgnoreCase) || type.Contains("second", StringComparison.OrdinalIgnoreCase)
                || type.Contains("minute", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitKind.PerSecond;
            }
        }
        if (message is not null)
        {
            if (message.Contains("daily", StringComparison.OrdinalIgnoreCase) || message.Contains("per day", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitKind.Daily;
            }
            if (message.Contains("concurrent", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitKind.Concurrency;
            }
            if (message.Contains("per-second", StringComparison.OrdinalIgnoreCase) || message.Contains("per second", StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitKind.PerSecond;
            }
        }
        return RateLimitKind.Unknown;
    }
}
