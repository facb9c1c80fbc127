using System.Globalization;
using System.Net;

namespace Codegen.Runtime.Quotas;

/// <summary>What kind of limit a 429 answer speaks of.</summary>
internal enum ServerLimitKind
{
    None,
    Daily,
    PerSecond,
    Unknown,
}

// Reads Zoom-style rate-limit signals from an answer. Zoom often sends a daily-limit 429 without X-RateLimit-Type,
// so the body's message is read too.
internal static class ServerQuotaSignal
{
    public const string TypeHeader = "X-RateLimit-Type";
    public const string LimitHeader = "X-RateLimit-Limit";
    public const string RemainingHeader = "X-RateLimit-Remaining";

    public static ServerLimitKind Classify(HttpResponseMessage response, string? body)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return ServerLimitKind.None;
        }
        var type = Header(response, TypeHeader);
        if (type is not null)
        {
            if (type.Contains("daily", StringComparison.OrdinalIgnoreCase))
            {
                return ServerLimitKind.Daily;
            }
            if (type.Equals("QPS", StringComparison.OrdinalIgnoreCase) || type.Contains("second", StringComparison.OrdinalIgnoreCase))
            {
                return ServerLimitKind.PerSecond;
            }
        }
        if (body is not null)
        {
            if (body.Contains("daily rate limit", StringComparison.OrdinalIgnoreCase))
            {
                return ServerLimitKind.Daily;
            }
            if (body.Contains("per-second rate limit", StringComparison.OrdinalIgnoreCase)
                || body.Contains("per second rate limit", StringComparison.OrdinalIgnoreCase))
            {
                return ServerLimitKind.PerSecond;
            }
        }
        return ServerLimitKind.Unknown;
    }

    public static bool IsDailyType(HttpResponseMessage response) =>
        Header(response, TypeHeader)?.Contains("daily", StringComparison.OrdinalIgnoreCase) == true;

    public static int? IntHeader(HttpResponseMessage response, string name) =>
        int.TryParse(Header(response, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
