using System.Globalization;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Errors;

/// <summary>
/// The rate-limit headers of an answer (<c>X-RateLimit-Category</c>, <c>X-RateLimit-Type</c>, <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c>, <c>Retry-After</c>). Every part is optional: Zoom often sends none of them.
/// </summary>
public sealed record RateLimitInfo
{
    /// <summary>The rate-limit label, for example <c>Medium</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The limit type as sent, for example <c>QPS</c> or <c>Daily-limit</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The quota of the current window.</summary>
    public int? Limit { get; init; }

    /// <summary>Permits left in the current window.</summary>
    public int? Remaining { get; init; }

    /// <summary>When the server allows the next attempt (any of the three <c>Retry-After</c> forms).</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary><see langword="true"/> when no header was present.</summary>
    public bool IsEmpty => Category is null && Type is null && Limit is null && Remaining is null && RetryAfter is null;

    /// <summary>Reads the headers of a response; never throws on malformed values (they are skipped).</summary>
    public static RateLimitInfo FromHeaders(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        return new RateLimitInfo
        {
            Category = First(headers, "X-RateLimit-Category"),
            Type = First(headers, "X-RateLimit-Type"),
            Limit = Int(First(headers, "X-RateLimit-Limit")),
            Remaining = Int(First(headers, "X-RateLimit-Remaining")),
            RetryAfter = Transport.RetryAfter.TryGet(headers, now, out var at) ? at : null,
        };
    }

    internal static string? First(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
