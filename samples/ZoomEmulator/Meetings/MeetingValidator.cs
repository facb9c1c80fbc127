using System.Text.Json.Nodes;
using ZoomEmulator.Http;

namespace ZoomEmulator.Meetings;

/// <summary>
/// The emulator's own check of a Create-a-meeting body, from the rules Zoom states in its API description
/// (S25, 2025-06). All problems are reported at once, as Zoom's <c>errors</c> array does. Messages say what is wrong
/// (Zoom's documented example only says "Invalid field."). Unknown fields are ignored, as Zoom ignores them.
/// Choices where Zoom is silent:
/// <list type="bullet">
/// <item>the passcode charset is the S23 one, <c>[A-Za-z0-9@_*-]</c> (S25 loosened the prose);</item>
/// <item><c>start_time</c> accepts only <c>yyyy-MM-ddTHH:mm:ss[.fff]Z</c> or the same without <c>Z</c> (local, with
/// <c>timezone</c>); an explicit offset such as <c>+02:00</c> is refused;</item>
/// <item>type 8 without <c>recurrence</c> is refused; <c>recurrence</c> is always checked, but on types 1, 2 and 10 it is
/// then ignored (not stored, not answered);</item>
/// <item><c>monthly_*</c> fields on a daily or weekly recurrence are ignored.</item>
/// </list>
/// </summary>
internal static class MeetingValidator
{
    private static readonly int[] MeetingTypes = [1, 2, 3, 8, 10];
    private static readonly int[] RecurrenceTypes = [1, 2, 3];
    private static readonly int[] MonthlyWeeks = [-1, 1, 2, 3, 4];
    private static readonly int[] ApprovalTypes = [0, 1, 2];
    private static readonly int[] RegistrationTypes = [1, 2, 3];
    private static readonly int[] JoinBeforeHostTimes = [0, 5, 10, 15];
    private static readonly string[] AudioTypes = ["both", "telephony", "voip", "thirdParty"];
    private static readonly string[] AutoRecordings = ["local", "cloud", "none"];
    private static readonly string[] EncryptionTypes = ["enhanced_encryption", "e2ee"];
    private static readonly string[] SettingsBooleans =
        ["host_video", "participant_video", "join_before_host", "mute_upon_entry", "waiting_room", "watermark", "use_pmi"];

    public const int TopicMaxLength = 200;
    public const int AgendaMaxLength = 2000;
    public const int PasswordMaxLength = 10;
    public const int MaxEndTimes = 60;

    /// <summary>Validates <paramref name="body"/>; returns the parsed request, or null with <paramref name="errors"/> filled.</summary>
    public static MeetingRequest? Validate(JsonObject body, string accountTimeZone, out List<FieldError> errors)
    {
        errors = [];
        var read = new FieldReader(errors);

        var topic = read.String(body, "topic", "topic");
        read.MaxLength(topic, TopicMaxLength, "topic");

        var agenda = read.String(body, "agenda", "agenda");
        read.MaxLength(agenda, AgendaMaxLength, "agenda");

        var password = read.String(body, "password", "password");
        CheckPassword(read, password);

        var type = read.Integer(body, "type", "type") ?? 2;
        read.OneOf<int>(type, MeetingTypes, "type");

        var duration = read.Integer(body, "duration", "duration");
        var defaultPassword = read.Boolean(body, "default_password", "default_password") ?? true;
        read.Boolean(body, "pre_schedule", "pre_schedule");
        var scheduleFor = read.String(body, "schedule_for", "schedule_for");
        read.String(body, "template_id", "template_id");

        var timeZoneId = read.String(body, "timezone", "timezone");
        TimeZoneInfo? zone = null;
        if (timeZoneId is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out zone))
        {
            read.Fail("timezone", $"timezone '{timeZoneId}' is not a known time zone id.");
        }

        zone ??= TimeZoneInfo.FindSystemTimeZoneById(accountTimeZone);
        var startTime = ReadStartTime(read, body, zone);

        RecurrenceRule? recurrence = null;
        var recurrenceObject = read.Object(body, "recurrence", "recurrence");
        if (recurrenceObject is not null)
        {
            recurrence = ReadRecurrence(read, recurrenceObject, startTime);
            if (type is not (3 or 8))
            {
                recurrence = null;
            }
        }
        else if (type == 8 && body["recurrence"] is null)
        {
            read.Fail("recurrence", "recurrence is required for a recurring meeting with a fixed time (type 8).");
        }

        var settings = read.Object(body, "settings", "settings");
        if (settings is not null)
        {
            CheckSettings(read, settings);
        }

        var trackingFields = read.Array(body, "tracking_fields", "tracking_fields");
        if (trackingFields is not null)
        {
            CheckTrackingFields(read, trackingFields);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new MeetingRequest(body, type, topic, agenda, password, defaultPassword, duration, zone,
            timeZoneId ?? accountTimeZone, startTime, recurrence, settings, trackingFields, scheduleFor);
    }

    private static void CheckPassword(FieldReader read, string? password)
    {
        if (password is null)
        {
            return;
        }

        if (password.Length > PasswordMaxLength)
        {
            read.Fail("password", $"password must be at most {PasswordMaxLength} characters, got {password.Length}.");
        }
        else if (!password.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '_' or '*' or '-'))
        {
            read.Fail("password", "password may only contain letters, digits and the characters @ - _ *.");
        }
    }

    private static DateTimeOffset? ReadStartTime(FieldReader read, JsonObject body, TimeZoneInfo zone)
    {
        var text = read.String(body, "start_time", "start_time");
        if (text is null)
        {
            return null;
        }

        if (ZoomTime.TryParseUtc(text, out var utc))
        {
            return utc;
        }

        if (ZoomTime.TryParseLocal(text, out var local))
        {
            return ZoomTime.FromLocal(local, zone);
        }

        read.Fail("start_time", "start_time must be yyyy-MM-ddTHH:mm:ssZ (UTC) or yyyy-MM-ddTHH:mm:ss (local, with timezone).");
        return null;
    }

    private static RecurrenceRule? ReadRecurrence(FieldReader read, JsonObject recurrence, DateTimeOffset? startTime)
    {
        var before = read.Errors.Count;
        var type = read.Integer(recurrence, "type", "recurrence.type");
        if (type is null && recurrence["type"] is null)
        {
            read.Fail("recurrence.type", "recurrence.type is required.");
        }

        read.OneOf<int>(type, RecurrenceTypes, "recurrence.type");

        var interval = read.Integer(recurrence, "repeat_interval", "recurrence.repeat_interval") ?? 1;
        var maxInterval = type switch { 1 => 99, 2 => 50, 3 => 10, _ => int.MaxValue };
        read.Range(interval, 1, maxInterval, "recurrence.repeat_interval");

        var weeklyDaysText = read.String(recurrence, "weekly_days", "recurrence.weekly_days");
        var weeklyDays = new SortedSet<int>();
        if (weeklyDaysText is not null)
        {
            foreach (var part in weeklyDaysText.Split(','))
            {
                if (int.TryParse(part.Trim(), out var day) && day is >= 1 and <= 7)
                {
                    weeklyDays.Add(day);
                }
                else
                {
                    read.Fail("recurrence.weekly_days", "recurrence.weekly_days must be a comma-separated list of days 1 (Sunday) to 7 (Saturday).");
                    break;
                }
            }
        }
        else if (type == 2)
        {
            read.Fail("recurrence.weekly_days", "recurrence.weekly_days is required for a weekly recurrence.");
        }

        var monthlyDay = read.Integer(recurrence, "monthly_day", "recurrence.monthly_day");
        read.Range(monthlyDay, 1, 31, "recurrence.monthly_day");
        var monthlyWeek = read.Integer(recurrence, "monthly_week", "recurrence.monthly_week");
        read.OneOf<int>(monthlyWeek, MonthlyWeeks, "recurrence.monthly_week");
        var monthlyWeekDay = read.Integer(recurrence, "monthly_week_day", "recurrence.monthly_week_day");
        read.Range(monthlyWeekDay, 1, 7, "recurrence.monthly_week_day");
        if ((monthlyWeek is null) != (monthlyWeekDay is null))
        {
            read.Fail(monthlyWeek is null ? "recurrence.monthly_week" : "recurrence.monthly_week_day",
                "recurrence.monthly_week and recurrence.monthly_week_day must be used together.");
        }

        var endTimes = read.Integer(recurrence, "end_times", "recurrence.end_times");
        read.Range(endTimes, 0, MaxEndTimes, "recurrence.end_times");

        DateTimeOffset? endDateTime = null;
        var endText = read.String(recurrence, "end_date_time", "recurrence.end_date_time");
        if (endText is not null)
        {
            if (ZoomTime.TryParseUtc(endText, out var end))
            {
                endDateTime = end;
                if (startTime is { } start && end < start)
                {
                    read.Fail("recurrence.end_date_time", "recurrence.end_date_time must not be before start_time.");
                }
            }
            else
            {
                read.Fail("recurrence.end_date_time", "recurrence.end_date_time must be a UTC date-time, yyyy-MM-ddTHH:mm:ssZ.");
            }
        }

        if (endTimes is not null && endText is not null)
        {
            read.Fail("recurrence.end_times", "recurrence.end_times and recurrence.end_date_time cannot be used together.");
        }

        if (read.Errors.Count > before || type is null)
        {
            return null;
        }

        var monthly = type == 3;
        return new RecurrenceRule(
            type.Value,
            interval,
            weeklyDays.ToArray(),
            monthly && monthlyWeek is null ? monthlyDay ?? 1 : null,
            monthly ? monthlyWeek : null,
            monthly ? monthlyWeekDay : null,
            endDateTime is null ? endTimes ?? 1 : null,
            endDateTime,
            (JsonObject)recurrence.DeepClone());
    }

    private static void CheckSettings(FieldReader read, JsonObject settings)
    {
        read.OneOf<int>(read.Integer(settings, "approval_type", "settings.approval_type"), ApprovalTypes, "settings.approval_type");
        read.OneOf<int>(read.Integer(settings, "registration_type", "settings.registration_type"), RegistrationTypes, "settings.registration_type");
        read.OneOf<int>(read.Integer(settings, "jbh_time", "settings.jbh_time"), JoinBeforeHostTimes, "settings.jbh_time");
        read.OneOf(read.String(settings, "audio", "settings.audio"), AudioTypes, "settings.audio");
        read.OneOf(read.String(settings, "auto_recording", "settings.auto_recording"), AutoRecordings, "settings.auto_recording");
        read.OneOf(read.String(settings, "encryption_type", "settings.encryption_type"), EncryptionTypes, "settings.encryption_type");
        read.MaxLength(read.String(settings, "audio_conference_info", "settings.audio_conference_info"), 2048, "settings.audio_conference_info");
        read.String(settings, "alternative_hosts", "settings.alternative_hosts");
        foreach (var name in SettingsBooleans)
        {
            read.Boolean(settings, name, "settings." + name);
        }
    }

    private static void CheckTrackingFields(FieldReader read, JsonArray trackingFields)
    {
        for (var i = 0; i < trackingFields.Count; i++)
        {
            var path = $"tracking_fields[{i}]";
            if (trackingFields[i] is not JsonObject item)
            {
                read.Fail(path, $"{path} must be an object.");
                continue;
            }

            if (read.String(item, "field", path + ".field") is null && item["field"] is null)
            {
                read.Fail(path + ".field", $"{path}.field is required.");
            }

            read.String(item, "value", path + ".value");
        }
    }
}
