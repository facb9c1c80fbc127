using System.Text.Json.Nodes;

namespace ZoomEmulator.Meetings;

/// <summary>A create-meeting body that passed validation, with defaults applied.</summary>
internal sealed record MeetingRequest(
    JsonObject Body,
    int Type,
    string? Topic,
    string? Agenda,
    string? Password,
    bool DefaultPassword,
    int? Duration,
    TimeZoneInfo TimeZone,
    string TimeZoneId,
    DateTimeOffset? StartTime,
    RecurrenceRule? Recurrence,
    JsonObject? Settings,
    JsonArray? TrackingFields,
    string? ScheduleFor);

/// <summary>A validated <c>recurrence</c> object.</summary>
/// <param name="Type">1 daily, 2 weekly, 3 monthly.</param>
/// <param name="RepeatInterval">Every how many days, weeks or months.</param>
/// <param name="WeeklyDays">1 = Sunday … 7 = Saturday, sorted, no duplicates.</param>
/// <param name="MonthlyDay">Day of the month (monthly).</param>
/// <param name="MonthlyWeek">-1 last, 1…4 (monthly, with <paramref name="MonthlyWeekDay"/>).</param>
/// <param name="MonthlyWeekDay">1 = Sunday … 7 = Saturday.</param>
/// <param name="EndTimes">How many occurrences; 0 means no end. Null when <paramref name="EndDateTime"/> is used.</param>
/// <param name="EndDateTime">Last allowed occurrence instant.</param>
/// <param name="Echo">The object as it is answered back.</param>
internal sealed record RecurrenceRule(
    int Type,
    int RepeatInterval,
    IReadOnlyList<int> WeeklyDays,
    int? MonthlyDay,
    int? MonthlyWeek,
    int? MonthlyWeekDay,
    int? EndTimes,
    DateTimeOffset? EndDateTime,
    JsonObject Echo);
