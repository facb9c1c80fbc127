using System.Globalization;

namespace ZoomMeetings.Output;

/// <summary>Times and waits as people read them.</summary>
public static class TimeText
{
    /// <summary><c>2026-11-27 00:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset at)
    {
        // To the nearest minute: a store on another clock (Redis) may say 23:59:59.998 for midnight.
        var minutes = (at.UtcTicks + (TimeSpan.TicksPerMinute / 2)) / TimeSpan.TicksPerMinute;
        return new DateTimeOffset(minutes * TimeSpan.TicksPerMinute, TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
    }

    /// <summary><c>Mon 30 Nov 2026 09:00</c> on the wall clock of <paramref name="zone"/>.</summary>
    public static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd dd MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The zone for an IANA id, or UTC when this machine does not know it.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary><c>2h</c>, <c>1h 59m</c>, <c>45m</c>, <c>30s</c>; rounded up so a wait is never understated.</summary>
    public static string Span(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "now";
        }
        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Ceiling(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";
        }
        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        if (minutes < 60)
        {
            return $"{minutes}m";
        }
        var hours = minutes / 60;
        var rest = minutes % 60;
        if (hours < 24)
        {
            return rest == 0 ? $"{hours}h" : $"{hours}h {rest}m";
        }
        return $"{hours / 24}d {hours % 24}h";
    }

    /// <summary><c>1 = Sunday … 7 = Saturday</c> list as names: <c>Mon, Wed</c>.</summary>
    public static string WeekDays(string? zoomDays)
    {
        if (string.IsNullOrWhiteSpace(zoomDays))
        {
            return "?";
        }
        var names = zoomDays.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 7
                ? CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames[n - 1]
                : d);
        return string.Join(", ", names);
    }
}
