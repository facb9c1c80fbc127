using ZoomEmulator.Http;

namespace ZoomEmulator.RateLimits;

/// <summary>Zoom's 429 answers and rate-limit headers, word for word from Zoom staff replies and docs examples.</summary>
internal static class RateLimitResponses
{
    public const string PerSecondMessage =
        "You have reached the maximum per-second rate limit for this API. Try again later.";

    public static string DailyMessage(int limit) =>
        $"You have exceeded the daily rate limit ({limit}) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00.";

    public static Task WritePerSecondAsync(HttpContext context, string category, bool withHeaders)
    {
        if (withHeaders)
        {
            var headers = context.Response.Headers;
            headers["X-RateLimit-Category"] = category;
            headers["X-RateLimit-Type"] = "QPS";
            headers.RetryAfter = "1";
        }

        return JsonResponses.WriteZoomErrorAsync(context, 429, 429, PerSecondMessage);
    }

    public static Task WriteDailyAsync(HttpContext context, int limit, DateTimeOffset now, bool withHeaders)
    {
        if (withHeaders)
        {
            var headers = context.Response.Headers;
            headers["X-RateLimit-Category"] = RateLimitCategory.Medium;
            headers["X-RateLimit-Type"] = "Daily-limit";
            headers["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = "0";
            headers.RetryAfter = ZoomTime.Format(ZoomTime.NextUtcMidnight(now));
        }

        return JsonResponses.WriteZoomErrorAsync(context, 429, 429, DailyMessage(limit));
    }

    /// <summary>On an accepted Create/Update: the daily allowance, as Zoom was observed to send on 2xx answers.</summary>
    public static void AddDailyUsage(HttpContext context, int limit, int remaining)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
