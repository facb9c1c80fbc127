using System.Globalization;

namespace ZoomEmulator.Http;

/// <summary>Zoom's two date-time forms: GMT <c>yyyy-MM-ddTHH:mm:ssZ</c> and local <c>yyyy-MM-ddTHH:mm:ss</c> (no offset).</summary>
internal static class ZoomTime
{
    private static readonly string[] UtcFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>Formats an instant the way Zoom answers: UTC, whole seconds, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseUtc(string text, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }

        instant = default;
        return false;
    }

    public static bool TryParseLocal(string text, out DateTime local)
    {
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            return true;
        }

        return false;
    }

    /// <summary>Turns a wall-clock time in <paramref name="zone"/> into an instant. A time skipped by a DST jump moves forward an hour.</summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The next 00:00:00 UTC strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextUtcMidnight(DateTimeOffset now) =>
        new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
}
