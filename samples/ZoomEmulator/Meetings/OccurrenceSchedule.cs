namespace ZoomEmulator.Meetings;

/// <summary>
/// Occurrence start times of a recurring meeting with a fixed time (type 8). Simplifications (Zoom does not document
/// its algorithm):
/// <list type="bullet">
/// <item>occurrences are computed on the wall clock of the meeting's time zone, keeping the start's time of day
/// (so they follow DST changes), then turned into UTC;</item>
/// <item>the first occurrence is the first matching day on or after the start date (for weekly rules, weeks start on
/// Sunday and the first week is the start's week; for monthly rules, the first month is the start's month);</item>
/// <item>a <c>monthly_day</c> a month does not have (e.g. 31 in April) skips that month;</item>
/// <item><c>end_times</c> counts occurrences, 0 means "no end"; <c>end_date_time</c> keeps occurrences that start
/// on or before it; either way at most 60 occurrences are listed.</item>
/// </list>
/// </summary>
internal static class OccurrenceSchedule
{
    public const int MaxOccurrences = 60;

    /// <summary>Safety bound on the periods scanned, so a rule that matches rarely cannot loop long.</summary>
    private const int MaxPeriods = 5000;

    public static IReadOnlyList<DateTimeOffset> Compute(RecurrenceRule rule, DateTimeOffset start, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var timeOfDay = localStart.TimeOfDay;
        var wanted = rule.EndTimes is > 0 ? Math.Min(rule.EndTimes.Value, MaxOccurrences) : MaxOccurrences;
        var result = new List<DateTimeOffset>();

        foreach (var date in CandidateDates(rule, localStart.Date))
        {
            if (date < localStart.Date)
            {
                continue;
            }

            var instant = Http.ZoomTime.FromLocal(date + timeOfDay, zone);
            if (rule.EndDateTime is { } end && instant > end)
            {
                break;
            }

            result.Add(instant);
            if (result.Count >= wanted)
            {
                break;
            }
        }

        return result;
    }

    private static IEnumerable<DateTime> CandidateDates(RecurrenceRule rule, DateTime startDate)
    {
        for (var period = 0; period < MaxPeriods; period++)
        {
            switch (rule.Type)
            {
                case 1:
                    yield return startDate.AddDays((double)period * rule.RepeatInterval);
                    break;
                case 2:
                    var weekStart = startDate.AddDays(-(int)startDate.DayOfWeek).AddDays(7.0 * period * rule.RepeatInterval);
                    foreach (var day in rule.WeeklyDays)
                    {
                        yield return weekStart.AddDays(day - 1);
                    }

                    break;
                default:
                    var month = new DateTime(startDate.Year, startDate.Month, 1).AddMonths(period * rule.RepeatInterval);
                    if (DayInMonth(rule, month) is { } date)
                    {
                        yield return date;
                    }

                    break;
            }
        }
    }

    private static DateTime? DayInMonth(RecurrenceRule rule, DateTime firstOfMonth)
    {
        var daysInMonth = DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month);
        if (rule.MonthlyWeek is { } week && rule.MonthlyWeekDay is { } weekDay)
        {
            var dayOfWeek = (DayOfWeek)(weekDay - 1);
            if (week == -1)
            {
                var last = firstOfMonth.AddDays(daysInMonth - 1);
                return last.AddDays(-(((int)last.DayOfWeek - (int)dayOfWeek + 7) % 7));
            }

            var first = firstOfMonth.AddDays(((int)dayOfWeek - (int)firstOfMonth.DayOfWeek + 7) % 7);
            return first.AddDays(7 * (week - 1));
        }

        var monthlyDay = rule.MonthlyDay ?? 1;
        return monthlyDay <= daysInMonth ? firstOfMonth.AddDays(monthlyDay - 1) : null;
    }
}
