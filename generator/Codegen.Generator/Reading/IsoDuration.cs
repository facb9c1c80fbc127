using System;
using System.Globalization;

namespace Codegen.Generator.Reading;

/// <summary>Parses the ISO-8601 durations quota extensions use: <c>PnW</c>, <c>PnD</c>, <c>PTnHnMnS</c> and combinations.</summary>
internal static class IsoDuration
{
    /// <summary><c>PT2H</c> → <c>2 hours</c>; <c>P90D</c> → <c>90 days</c>; mixed units are listed largest first.</summary>
    public static string Describe(long ticks)
    {
        var span = TimeSpan.FromTicks(ticks);
        var parts = new System.Collections.Generic.List<string>();
        void Add(int value, string unit)
        {
            if (value > 0) parts.Add(value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? "" : "s"));
        }
        Add(span.Days, "day");
        Add(span.Hours, "hour");
        Add(span.Minutes, "minute");
        Add(span.Seconds, "second");
        return parts.Count == 0 ? "less than a second" : string.Join(" ", parts);
    }

    public static bool TryParse(string? text, out long ticks)
    {
        ticks = 0;
        if (string.IsNullOrEmpty(text) || text![0] != 'P' || text.Length < 3) return false;
        bool inTime = false;
        bool any = false;
        bool timeAny = false;
        int start = 1;
        decimal total = 0;
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == 'T')
            {
                if (inTime || i != start) return false;
                inTime = true;
                start = i + 1;
                continue;
            }
            if (char.IsDigit(c) || c == '.') continue;
            if (i == start || !decimal.TryParse(text.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
            long unit = (inTime, c) switch
            {
                (false, 'W') => TimeSpan.TicksPerDay * 7,
                (false, 'D') => TimeSpan.TicksPerDay,
                (true, 'H') => TimeSpan.TicksPerHour,
                (true, 'M') => TimeSpan.TicksPerMinute,
                (true, 'S') => TimeSpan.TicksPerSecond,
                _ => 0,
            };
            if (unit == 0) return false;
            total += number * unit;
            any = true;
            timeAny |= inTime;
            start = i + 1;
        }
        // "P1DT" (a T with no time part after it) is not a duration.
        if (!any || (inTime && !timeAny) || start != text.Length || total <= 0 || total > long.MaxValue) return false;
        ticks = (long)total;
        return true;
    }
}
