using System.Text;
using System.Text.Json;
using Zoom.Meetings;

namespace Codegen.Benchmarks.Payloads;

/// <summary>
/// The Zoom payloads every runtime benchmark uses: a full CreateMeetingRequest (settings, recurrence, tracking fields)
/// and the full Meeting a 201 answers with. Both sides of each comparison read the same JSON text.
/// </summary>
public static class ZoomPayloads
{
    public const string RequestJson = """
    {
      "topic": "Quarterly planning (benchmark)",
      "type": 8,
      "start_time": "2026-12-01T15:00:00Z",
      "duration": 60,
      "timezone": "Europe/Berlin",
      "password": "Pl4n-2026",
      "default_password": false,
      "agenda": "Review the quarter, agree the roadmap, assign owners. Bring the numbers from the finance sheet.",
      "pre_schedule": false,
      "tracking_fields": [
        { "field": "cost_center", "value": "CC-1234" },
        { "field": "project", "value": "Codegen" }
      ],
      "recurrence": { "type": 2, "repeat_interval": 1, "weekly_days": "2,4", "end_times": 10 },
      "settings": {
        "host_video": true,
        "participant_video": false,
        "join_before_host": true,
        "jbh_time": 5,
        "waiting_room": false,
        "waiting_room_options": { "mode": "custom", "who_goes_to_waiting_room": "users_not_in_account" },
        "mute_upon_entry": true,
        "watermark": false,
        "use_pmi": false,
        "approval_type": 2,
        "audio": "both",
        "auto_recording": "cloud",
        "alternative_hosts": "ana@example.com;bo@example.com",
        "alternative_hosts_email_notification": true,
        "contact_name": "Ana Example",
        "contact_email": "ana@example.com",
        "encryption_type": "enhanced_encryption",
        "breakout_room": { "enable": true, "rooms": [ { "name": "Room A", "participants": [ "c@example.com", "d@example.com" ] }, { "name": "Room B", "participants": [ "e@example.com" ] } ] },
        "private_meeting": false,
        "question_and_answer": { "enable": true, "allow_submit_questions": true, "allow_anonymous_questions": false, "question_visibility": "answered", "attendees_can_comment": true, "attendees_can_upvote": true },
        "language_interpretation": { "enable": true, "interpreters": [ { "email": "int1@example.com", "languages": "US,FR" }, { "email": "int2@example.com", "languages": "US,DE" } ] },
        "meeting_invitees": [ { "email": "c@example.com" }, { "email": "d@example.com" }, { "email": "e@example.com" } ],
        "global_dial_in_countries": [ "US", "DE", "FR" ],
        "focus_mode": false,
        "email_notification": true
      }
    }
    """;

    public static readonly string ResponseJson = BuildResponse();

    public static readonly byte[] ResponseUtf8 = Encoding.UTF8.GetBytes(ResponseJson);

    public static readonly byte[] RequestUtf8 = Encoding.UTF8.GetBytes(RequestJson);

    /// <summary>The request as the generated model.</summary>
    public static CreateMeetingRequest Request() => ReadOurs<CreateMeetingRequest>(RequestUtf8, CreateMeetingRequest.ReadJson);

    /// <summary>A request with four violations (topic too long, negative duration, password too long and with a space, bad weekly_days).</summary>
    public static CreateMeetingRequest InvalidRequest()
    {
        var valid = Request();
        return valid with
        {
            Topic = new string('t', 250),
            Duration = -5,
            Password = "far too long pw",
            Recurrence = valid.Recurrence! with { WeeklyDays = "2,9" },
        };
    }

    public static T ReadOurs<T>(byte[] utf8, Codegen.Runtime.Json.JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return read(ref reader);
    }

    private static string BuildResponse()
    {
        var occurrences = new StringBuilder();
        var start = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 10; i++)
        {
            if (i > 0) occurrences.Append(',');
            var day = start.AddDays(i / 2 * 7 + (i % 2 == 0 ? 0 : 2));
            occurrences.Append($$"""{ "occurrence_id": "{{day.ToUnixTimeMilliseconds()}}", "start_time": "{{day:yyyy-MM-ddTHH:mm:ssZ}}", "duration": 60, "status": "available" }""");
        }
        var settings = RequestJson[(RequestJson.IndexOf("\"settings\"", StringComparison.Ordinal) + "\"settings\": ".Length)..RequestJson.LastIndexOf('}')].Trim();
        // The answer's settings repeat the request's and add the server-filled parts.
        settings = settings[..settings.LastIndexOf('}')].TrimEnd() + """
        ,
            "registration_type": 1,
            "close_registration": false,
            "show_share_button": true,
            "allow_multiple_devices": true,
            "meeting_authentication": false,
            "cn_meeting": false,
            "in_meeting": false,
            "enforce_login": false,
            "device_testing": false,
            "host_save_video_order": false,
            "global_dial_in_numbers": [
              { "country": "US", "country_name": "US", "city": "New York", "number": "+1 6465588656", "type": "toll" },
              { "country": "DE", "country_name": "Germany", "number": "+49 69 7104 9922", "type": "toll" },
              { "country": "FR", "country_name": "France", "number": "+33 1 7037 2246", "type": "tollfree" }
            ]
          }
        """;
        return $$"""
        {
          "id": 85746065432,
          "uuid": "aDYlohsHRtCd4ii1uC2+hA==",
          "host_id": "30R7kT7bTIKSNUFEuH_Qlg",
          "host_email": "ana@example.com",
          "topic": "Quarterly planning (benchmark)",
          "type": 8,
          "status": "waiting",
          "start_time": "2026-12-01T15:00:00Z",
          "duration": 60,
          "timezone": "Europe/Berlin",
          "agenda": "Review the quarter, agree the roadmap, assign owners. Bring the numbers from the finance sheet.",
          "created_at": "2026-11-26T12:00:00Z",
          "start_url": "https://example.zoom.us/s/85746065432?zak=eyJ0eXAiOiJKV1QiLCJzdiI6IjAwMDAwMSIsInptX3NrbSI6InptX28ybSIsImFsZyI6IkhTMjU2In0.eyJhdWQiOiJjbGllbnRzbSIsInVpZCI6IjMwUjdrVDdiVElLU05VRkV1SF9RbGciLCJpc3MiOiJ3ZWIiLCJzayI6IjAiLCJzdHkiOjEsIndjZCI6ImF3MSIsImNsdCI6MCwibW51bSI6Ijg1NzQ2MDY1NDMyIiwiZXhwIjoxNzk0NjY4NDAwLCJpYXQiOjE3OTQ2NjEyMDAsImFpZCI6IktkWUtqblpUVDZPeGh5c0pMbkNDUlEiLCJjaWQiOiIifQ.bench",
          "join_url": "https://example.zoom.us/j/85746065432?pwd=d0ZUSCs0bWRPdDl2MGJ0cDR4K2E4dz09",
          "password": "Pl4n-2026",
          "h323_password": "123456",
          "pstn_password": "123456",
          "encrypted_password": "d0ZUSCs0bWRPdDl2MGJ0cDR4K2E4dz09",
          "pre_schedule": false,
          "creation_source": "open_api",
          "tracking_fields": [
            { "field": "cost_center", "value": "CC-1234", "visible": true },
            { "field": "project", "value": "Codegen", "visible": true }
          ],
          "occurrences": [ {{occurrences}} ],
          "recurrence": { "type": 2, "repeat_interval": 1, "weekly_days": "2,4", "end_times": 10 },
          "settings": {{settings}}
        }
        """;
    }
}
