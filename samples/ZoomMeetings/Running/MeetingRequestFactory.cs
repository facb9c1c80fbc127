using System.Globalization;
using Zoom.Meetings;
using ZoomMeetings.Cli;

namespace ZoomMeetings.Running;

/// <summary>Turns the command line into the generated <see cref="CreateMeetingRequest"/>.</summary>
public static class MeetingRequestFactory
{
    /// <summary>Builds the request; values are passed as given so the generated validator judges them.</summary>
    public static CreateMeetingRequest Create(SampleOptions options, DateTimeOffset now)
    {
        var recurring = options.Recurrence.Kind != "none";
        return new CreateMeetingRequest
        {
            Topic = options.Topic,
            Type = recurring ? MeetingType.RecurringFixedTime : MeetingType.Scheduled,
            StartTime = StartTime(options, now),
            Duration = options.Duration,
            Timezone = options.TimeZone,
            Password = options.Password,
            Agenda = "Scheduled by the Codegen ZoomMeetings sample.",
            Recurrence = recurring ? Recurrence(options) : null,
        };
    }

    private static Recurrence Recurrence(SampleOptions options)
    {
        var choice = options.Recurrence;
        return choice.Kind switch
        {
            "daily" => new Recurrence { Type = RecurrenceType.Daily, RepeatInterval = choice.Interval, EndTimes = options.Occurrences },
            "monthly" => new Recurrence { Type = RecurrenceType.Monthly, RepeatInterval = 1, MonthlyDay = choice.MonthlyDay, EndTimes = options.Occurrences },
            _ => new Recurrence { Type = RecurrenceType.Weekly, RepeatInterval = 1, WeeklyDays = choice.WeeklyDays, EndTimes = options.Occurrences },
        };
    }

    // Zoom's two forms: UTC with Z, or wall-clock time with no offset, read in `timezone`.
    private static string StartTime(SampleOptions options, DateTimeOffset now)
    {
        if (options.Start is { } start)
        {
            return start.IsUtc
                ? start.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : start.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return NextMondayMorning(options.TimeZone, now).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>Next Monday 09:00 on the wall clock of <paramref name="timeZone"/> (UTC when the zone is unknown here).</summary>
    public static DateTime NextMondayMorning(string timeZone, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var days = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        if (days == 0)
        {
            days = 7;
        }
        return local.Date.AddDays(days).AddHours(9);
    }
}
