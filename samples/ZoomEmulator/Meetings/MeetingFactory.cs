using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ZoomEmulator.Http;
using ZoomEmulator.Users;

namespace ZoomEmulator.Meetings;

/// <summary>
/// Builds the 201 body of Create a meeting (without <c>start_url</c>, which is issued per answer). Choices where
/// Zoom's description is silent: <c>topic</c> defaults to "Zoom Meeting", <c>duration</c> to 60 for types 2 and 8;
/// a type 2 or 8 meeting without <c>start_time</c> starts "now" (and keeps its type); type 1 and 10 start now; type 3
/// has no <c>start_time</c>. Without <c>password</c> a 6-character passcode is generated unless
/// <c>default_password</c> is false.
/// </summary>
internal static class MeetingFactory
{
    private const string Alphanumerics = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static StoredMeeting Create(long id, MeetingRequest request, ZoomUser host, DateTimeOffset now)
    {
        var uuid = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var password = request.Password ?? (request.DefaultPassword ? RandomText(Alphanumerics, 6) : "");
        var encryptedPassword = password.Length == 0 ? "" : EncryptedPassword(id, password);

        IReadOnlyList<DateTimeOffset> occurrences = [];
        DateTimeOffset? startTime = request.Type switch
        {
            1 or 10 => now,
            3 => null,
            _ => request.StartTime ?? now,
        };
        if (request.Type == 8 && request.Recurrence is { } rule && startTime is { } first)
        {
            occurrences = OccurrenceSchedule.Compute(rule, first, request.TimeZone);
            startTime = occurrences.Count > 0 ? occurrences[0] : first;
        }

        var duration = request.Duration ?? (request.Type is 2 or 8 ? 60 : 0);
        var body = new JsonObject
        {
            ["uuid"] = uuid,
            ["id"] = id,
            ["host_id"] = host.HostId,
            ["host_email"] = host.Email,
            ["topic"] = request.Topic ?? "Zoom Meeting",
            ["type"] = request.Type,
            ["status"] = "waiting",
        };
        if (startTime is { } start)
        {
            body["start_time"] = ZoomTime.Format(start);
        }

        body["duration"] = duration;
        body["timezone"] = request.TimeZoneId;
        body["agenda"] = request.Agenda ?? "";
        body["created_at"] = ZoomTime.Format(now);
        body["join_url"] = password.Length == 0
            ? $"https://{StartUrlRegistry.Host}/j/{id}"
            : $"https://{StartUrlRegistry.Host}/j/{id}?pwd={encryptedPassword}";
        body["password"] = password;
        body["h323_password"] = password.Length == 0 ? "" : NumericPasscode(id, password);
        body["pstn_password"] = password.Length == 0 ? "" : NumericPasscode(id, password);
        body["encrypted_password"] = encryptedPassword;
        body["pre_schedule"] = request.Body["pre_schedule"]?.DeepClone() ?? false;
        body["creation_source"] = "open_api";
        body["settings"] = Settings(request);

        if (request.Recurrence is { } recurrence)
        {
            body["recurrence"] = recurrence.Echo.DeepClone();
        }

        if (occurrences.Count > 0)
        {
            var list = new JsonArray();
            foreach (var occurrence in occurrences)
            {
                list.Add((JsonNode)new JsonObject
                {
                    ["occurrence_id"] = occurrence.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["start_time"] = ZoomTime.Format(occurrence),
                    ["duration"] = duration,
                    ["status"] = "available",
                });
            }

            body["occurrences"] = list;
        }

        if (request.TrackingFields is { } trackingFields)
        {
            var list = new JsonArray();
            foreach (var field in trackingFields.OfType<JsonObject>())
            {
                list.Add((JsonNode)new JsonObject
                {
                    ["field"] = field["field"]?.DeepClone(),
                    ["value"] = field["value"]?.DeepClone() ?? "",
                    ["visible"] = true,
                });
            }

            body["tracking_fields"] = list;
        }

        return new StoredMeeting(id, uuid, host, body.ToJsonString());
    }

    /// <summary>The request's settings over Zoom's documented defaults (defaults the docs leave to user settings are false).</summary>
    private static JsonObject Settings(MeetingRequest request)
    {
        var settings = new JsonObject
        {
            ["host_video"] = false,
            ["participant_video"] = false,
            ["join_before_host"] = false,
            ["jbh_time"] = 0,
            ["mute_upon_entry"] = false,
            ["watermark"] = false,
            ["use_pmi"] = false,
            ["approval_type"] = 2,
            ["audio"] = "both",
            ["auto_recording"] = "none",
            ["waiting_room"] = false,
            ["alternative_hosts"] = "",
            ["alternative_hosts_email_notification"] = true,
            ["close_registration"] = false,
            ["email_notification"] = true,
            ["encryption_type"] = "enhanced_encryption",
            ["private_meeting"] = false,
            ["internal_meeting"] = false,
            ["device_testing"] = false,
        };
        if (request.Type == 8)
        {
            settings["registration_type"] = 1;
        }

        if (request.Settings is { } given)
        {
            foreach (var (name, value) in given)
            {
                settings[name] = value?.DeepClone();
            }
        }

        // Zoom: an enabled waiting room disables join before host.
        if (settings["waiting_room"] is JsonValue waitingRoom && waitingRoom.TryGetValue<bool>(out var on) && on)
        {
            settings["join_before_host"] = false;
        }

        return settings;
    }

    private static string EncryptedPassword(long id, string password) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}:{password}")), 0, 24)
            .Replace('+', '-').Replace('/', '_');

    private static string NumericPasscode(long id, string password)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{password}:{id}"));
        return (BitConverter.ToUInt32(hash, 0) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string RandomText(string alphabet, int length) =>
        string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}
