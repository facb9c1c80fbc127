using System.Globalization;
using System.Text;
using System.Text.Json;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redaction;
using Zoom.Meetings;
using ZoomMeetings.Running;

namespace ZoomMeetings.Output;

/// <summary>Writes meetings and quota status to stdout: a card for one meeting, a table for many, or raw JSON.</summary>
public sealed class MeetingPrinter(TextWriter output)
{
    private const int LabelWidth = 13;

    /// <summary>A full card: id, topic, schedule, masked links, start_url expiry and occurrences.</summary>
    public void WriteCard(Meeting meeting, FreshStartUrl? startUrl, TimeProvider clock)
    {
        var zone = TimeText.Zone(meeting.Timezone);
        output.WriteLine();
        output.WriteLine($"Meeting {meeting.Id} · {meeting.Topic ?? "(no topic)"}");
        Line("Type", Describe(meeting));
        Line("Host", meeting.HostEmail ?? meeting.HostId ?? "?");
        if (meeting.StartTime is { } start)
        {
            Line("Starts", $"{TimeText.Local(start, zone)} ({zone.Id}) · {meeting.Duration?.ToString(CultureInfo.InvariantCulture) ?? "?"} min");
        }
        Line("Join URL", meeting.JoinUrl is null ? "(none)" : Redactor.RedactUrl(meeting.JoinUrl));
        Line("Passcode", meeting.Password is { Length: > 0 } ? "set (not shown)" : "none");
        if (startUrl is not null)
        {
            var url = startUrl.StartUrl;
            var left = url.ExpiresAt - clock.GetUtcNow();
            var state = startUrl.Refreshed ? "was stale, fetched a fresh one with Get a meeting" : "fresh";
            Line("Start URL", $"{url} · expires {TimeText.Utc(url.ExpiresAt)} (in {TimeText.Span(left)}) · {state}");
        }
        if (meeting.Occurrences is { Count: > 0 } occurrences)
        {
            var label = "Occurrences";
            var index = 1;
            foreach (var occurrence in occurrences)
            {
                var when = occurrence.StartTime is { } at ? TimeText.Local(at, zone) : "?";
                var status = occurrence.Status is { } s && Enum.IsDefined(s) ? s.ToString().ToLowerInvariant() : "";
                Line(label, $"{index,2}  {when}  {occurrence.Duration?.ToString(CultureInfo.InvariantCulture) ?? "?"} min  {status}".TrimEnd());
                label = "";
                index++;
            }
        }
    }

    /// <summary>One row per meeting, for <c>--count</c> runs.</summary>
    public void WriteTable(IReadOnlyList<Meeting> meetings)
    {
        output.WriteLine();
        output.WriteLine($"{"#",4}  {"Meeting id",-13} {"First start (UTC)",-20} Join URL");
        for (var i = 0; i < meetings.Count; i++)
        {
            var m = meetings[i];
            var start = m.StartTime is { } at ? TimeText.Utc(at) : "?";
            output.WriteLine($"{i + 1,4}  {m.Id,-13} {start,-20} {Redactor.RedactUrl(m.JoinUrl)}");
        }
    }

    /// <summary>Today's (UTC) create/update quota for the host.</summary>
    public void WriteQuota(string host, QuotaStatus status, int limit, DateTimeOffset now)
    {
        output.WriteLine();
        if (status.BlockedUntil is { } until)
        {
            output.WriteLine($"Quota today (UTC) for host {host}: blocked by Zoom until {TimeText.Utc(until)} (in {TimeText.Span(until - now)}).");
            return;
        }
        output.WriteLine($"Quota today (UTC) for host {host}: {status.Remaining} of {limit} create/update calls left; "
            + $"resets {TimeText.Utc(status.WindowEndsAt)} (in {TimeText.Span(status.WindowEndsAt - now)}).");
    }

    /// <summary>The answer exactly as the generated JSON writer writes it.</summary>
    public static string Json(Meeting meeting)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            meeting.WriteJson(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(Meeting meeting)
    {
        var type = meeting.Type switch
        {
            MeetingType.RecurringFixedTime => "recurring, fixed time",
            MeetingType.RecurringNoFixedTime => "recurring, no fixed time",
            MeetingType.Scheduled => "scheduled",
            MeetingType.Instant => "instant",
            MeetingType.ScreenShareOnly => "screen share only",
            _ => "unknown",
        };
        if (meeting.Recurrence is not { } r)
        {
            return type;
        }
        var every = r.RepeatInterval is > 1 ? r.RepeatInterval.Value.ToString(CultureInfo.InvariantCulture) + " " : "";
        var rule = r.Type switch
        {
            RecurrenceType.Daily => every.Length == 0 ? "daily" : $"every {every}days",
            RecurrenceType.Weekly => (every.Length == 0 ? "weekly" : $"every {every}weeks") + $" on {TimeText.WeekDays(r.WeeklyDays)}",
            RecurrenceType.Monthly => (every.Length == 0 ? "monthly" : $"every {every}months") + $" on day {r.MonthlyDay?.ToString(CultureInfo.InvariantCulture) ?? "?"}",
            _ => "repeating",
        };
        var end = r.EndTimes is { } times ? $", {times} occurrences" : r.EndDateTime is { } until ? $", until {TimeText.Utc(until)}" : "";
        return $"{type}: {rule}{end}";
    }

    private void Line(string label, string value) => output.WriteLine($"  {label.PadRight(LabelWidth)}{value}");
}
