using System.Globalization;
using System.Net.Http.Headers;

namespace Codegen.Runtime.Transport;

/// <summary>
/// Reads a server's <c>Retry-After</c> header in all three forms met in practice: delta-seconds (<c>120</c>),
/// an HTTP-date (<c>Wed, 21 Oct 2026 07:28:00 GMT</c>) and the ISO-8601 timestamp Zoom sends
/// (<c>2026-05-31T00:00:00Z</c>).
/// </summary>
public static class RetryAfter
{
    /// <summary>The header name.</summary>
    public const string HeaderName = "Retry-After";

    /// <summary>Reads the header from a response; <see langword="false"/> when it is absent or unreadable.</summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, to turn delta-seconds into a moment.</param>
    /// <param name="retryAt">When the server allows the next attempt.</param>
    public static bool TryGet(HttpResponseHeaders headers, DateTimeOffset now, out DateTimeOffset retryAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        retryAt = default;
        if (!headers.TryGetValues(HeaderName, out var values))
        {
            return false;
        }
        foreach (var value in values)
        {
            if (TryParse(value, now, out retryAt))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses one header value; <see langword="false"/> when it is in none of the three forms.</summary>
    public static bool TryParse(string? value, DateTimeOffset now, out DateTimeOffset retryAt)
    {
        retryAt = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // Clamp absurd values instead of overflowing.
            retryAt = now + TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(366).TotalSeconds));
            return true;
        }
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out retryAt))
        {
            return true;
        }
        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out retryAt))
        {
            return true;
        }
        return false;
    }
}
