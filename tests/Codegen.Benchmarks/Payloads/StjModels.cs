using System.Text.Json.Serialization;

// Hand-written equivalents of the generated Zoom types for the System.Text.Json source generator: what a user who
// writes the types by hand would declare for these payloads (every field the payloads carry, same .NET types:
// numeric enums as C# enums, string enums through JsonStringEnumConverter<T>, date-times as DateTimeOffset).
namespace Codegen.Benchmarks.Payloads.Stj;

public enum MeetingType { Instant = 1, Scheduled = 2, RecurringNoFixedTime = 3, RecurringFixedTime = 8, ScreenShareOnly = 10 }
public enum RecurrenceType { Daily = 1, Weekly = 2, Monthly = 3 }
public enum ApprovalType { Automatic = 0, Manual = 1, NoRegistration = 2 }
public enum RegistrationType { OnceForAllOccurrences = 1, EachOccurrence = 2, OnceForChosenOccurrences = 3 }
public enum JoinBeforeHostTime { AnyTime = 0, FiveMinutes = 5, TenMinutes = 10, FifteenMinutes = 15 }

[JsonConverter(typeof(JsonStringEnumConverter<AudioType>))]
public enum AudioType
{
    [JsonStringEnumMemberName("both")] Both,
    [JsonStringEnumMemberName("telephony")] Telephony,
    [JsonStringEnumMemberName("voip")] Voip,
    [JsonStringEnumMemberName("thirdParty")] ThirdParty,
}

[JsonConverter(typeof(JsonStringEnumConverter<AutoRecording>))]
public enum AutoRecording
{
    [JsonStringEnumMemberName("local")] Local,
    [JsonStringEnumMemberName("cloud")] Cloud,
    [JsonStringEnumMemberName("none")] None,
}

[JsonConverter(typeof(JsonStringEnumConverter<EncryptionType>))]
public enum EncryptionType
{
    [JsonStringEnumMemberName("enhanced_encryption")] Enhanced,
    [JsonStringEnumMemberName("e2ee")] EndToEnd,
}

[JsonConverter(typeof(JsonStringEnumConverter<WaitingRoomMode>))]
public enum WaitingRoomMode
{
    [JsonStringEnumMemberName("follow_setting")] FollowSetting,
    [JsonStringEnumMemberName("custom")] Custom,
}

[JsonConverter(typeof(JsonStringEnumConverter<WaitingRoomAudience>))]
public enum WaitingRoomAudience
{
    [JsonStringEnumMemberName("everyone")] Everyone,
    [JsonStringEnumMemberName("users_not_in_account")] UsersNotInAccount,
    [JsonStringEnumMemberName("users_not_in_account_or_whitelisted_domains")] UsersNotInAccountOrAllowedDomains,
    [JsonStringEnumMemberName("users_not_on_invite")] UsersNotInvited,
    [JsonStringEnumMemberName("users_not_in_org")] UsersNotInOrganization,
}

[JsonConverter(typeof(JsonStringEnumConverter<QuestionVisibility>))]
public enum QuestionVisibility
{
    [JsonStringEnumMemberName("answered")] Answered,
    [JsonStringEnumMemberName("all")] All,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
public enum MeetingStatus
{
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("started")] Started,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeetingCreationSource>))]
public enum MeetingCreationSource
{
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("open_api")] OpenApi,
    [JsonStringEnumMemberName("web_portal")] WebPortal,
}

[JsonConverter(typeof(JsonStringEnumConverter<OccurrenceStatus>))]
public enum OccurrenceStatus
{
    [JsonStringEnumMemberName("available")] Available,
    [JsonStringEnumMemberName("deleted")] Deleted,
}

[JsonConverter(typeof(JsonStringEnumConverter<DialInNumberType>))]
public enum DialInNumberType
{
    [JsonStringEnumMemberName("toll")] Toll,
    [JsonStringEnumMemberName("tollfree")] TollFree,
}

public sealed record CreateMeetingRequest
{
    [JsonPropertyName("topic")] public string? Topic { get; init; }
    [JsonPropertyName("type")] public MeetingType? Type { get; init; }
    [JsonPropertyName("start_time")] public string? StartTime { get; init; }
    [JsonPropertyName("duration")] public int? Duration { get; init; }
    [JsonPropertyName("timezone")] public string? Timezone { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("default_password")] public bool? DefaultPassword { get; init; }
    [JsonPropertyName("agenda")] public string? Agenda { get; init; }
    [JsonPropertyName("schedule_for")] public string? ScheduleFor { get; init; }
    [JsonPropertyName("template_id")] public string? TemplateId { get; init; }
    [JsonPropertyName("pre_schedule")] public bool? PreSchedule { get; init; }
    [JsonPropertyName("tracking_fields")] public List<TrackingField>? TrackingFields { get; init; }
    [JsonPropertyName("recurrence")] public Recurrence? Recurrence { get; init; }
    [JsonPropertyName("settings")] public MeetingSettings? Settings { get; init; }
}

public sealed record TrackingField
{
    [JsonPropertyName("field")] public required string Field { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("visible")] public bool? Visible { get; init; }
}

public sealed record Recurrence
{
    [JsonPropertyName("type")] public required RecurrenceType Type { get; init; }
    [JsonPropertyName("repeat_interval")] public int? RepeatInterval { get; init; }
    [JsonPropertyName("weekly_days")] public string? WeeklyDays { get; init; }
    [JsonPropertyName("monthly_day")] public int? MonthlyDay { get; init; }
    [JsonPropertyName("monthly_week")] public int? MonthlyWeek { get; init; }
    [JsonPropertyName("monthly_week_day")] public int? MonthlyWeekDay { get; init; }
    [JsonPropertyName("end_times")] public int? EndTimes { get; init; }
    [JsonPropertyName("end_date_time")] public DateTimeOffset? EndDateTime { get; init; }
}

public sealed record WaitingRoomOptions
{
    [JsonPropertyName("mode")] public required WaitingRoomMode Mode { get; init; }
    [JsonPropertyName("who_goes_to_waiting_room")] public WaitingRoomAudience? WhoGoesToWaitingRoom { get; init; }
}

public sealed record BreakoutRoom
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("participants")] public List<string>? Participants { get; init; }
}

public sealed record BreakoutRoomSettings
{
    [JsonPropertyName("enable")] public bool? Enable { get; init; }
    [JsonPropertyName("rooms")] public List<BreakoutRoom>? Rooms { get; init; }
}

public sealed record QuestionAndAnswer
{
    [JsonPropertyName("enable")] public bool? Enable { get; init; }
    [JsonPropertyName("allow_submit_questions")] public bool? AllowSubmitQuestions { get; init; }
    [JsonPropertyName("allow_anonymous_questions")] public bool? AllowAnonymousQuestions { get; init; }
    [JsonPropertyName("question_visibility")] public QuestionVisibility? QuestionVisibility { get; init; }
    [JsonPropertyName("attendees_can_comment")] public bool? AttendeesCanComment { get; init; }
    [JsonPropertyName("attendees_can_upvote")] public bool? AttendeesCanUpvote { get; init; }
}

public sealed record Interpreter
{
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("interpreter_languages")] public string? InterpreterLanguages { get; init; }
    [JsonPropertyName("languages")] public string? Languages { get; init; }
}

public sealed record LanguageInterpretation
{
    [JsonPropertyName("enable")] public bool? Enable { get; init; }
    [JsonPropertyName("interpreters")] public List<Interpreter>? Interpreters { get; init; }
}

public sealed record MeetingInvitee
{
    [JsonPropertyName("email")] public string? Email { get; init; }
}

public sealed record GlobalDialInNumber
{
    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("country_name")] public string? CountryName { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("number")] public string? Number { get; init; }
    [JsonPropertyName("type")] public DialInNumberType? Type { get; init; }
}

public sealed record MeetingSettings
{
    [JsonPropertyName("host_video")] public bool? HostVideo { get; init; }
    [JsonPropertyName("participant_video")] public bool? ParticipantVideo { get; init; }
    [JsonPropertyName("join_before_host")] public bool? JoinBeforeHost { get; init; }
    [JsonPropertyName("jbh_time")] public JoinBeforeHostTime? JbhTime { get; init; }
    [JsonPropertyName("waiting_room")] public bool? WaitingRoom { get; init; }
    [JsonPropertyName("waiting_room_options")] public WaitingRoomOptions? WaitingRoomOptions { get; init; }
    [JsonPropertyName("mute_upon_entry")] public bool? MuteUponEntry { get; init; }
    [JsonPropertyName("watermark")] public bool? Watermark { get; init; }
    [JsonPropertyName("use_pmi")] public bool? UsePmi { get; init; }
    [JsonPropertyName("approval_type")] public ApprovalType? ApprovalType { get; init; }
    [JsonPropertyName("registration_type")] public RegistrationType? RegistrationType { get; init; }
    [JsonPropertyName("audio")] public AudioType? Audio { get; init; }
    [JsonPropertyName("auto_recording")] public AutoRecording? AutoRecording { get; init; }
    [JsonPropertyName("alternative_hosts")] public string? AlternativeHosts { get; init; }
    [JsonPropertyName("alternative_hosts_email_notification")] public bool? AlternativeHostsEmailNotification { get; init; }
    [JsonPropertyName("close_registration")] public bool? CloseRegistration { get; init; }
    [JsonPropertyName("contact_name")] public string? ContactName { get; init; }
    [JsonPropertyName("contact_email")] public string? ContactEmail { get; init; }
    [JsonPropertyName("show_share_button")] public bool? ShowShareButton { get; init; }
    [JsonPropertyName("allow_multiple_devices")] public bool? AllowMultipleDevices { get; init; }
    [JsonPropertyName("meeting_authentication")] public bool? MeetingAuthentication { get; init; }
    [JsonPropertyName("encryption_type")] public EncryptionType? EncryptionType { get; init; }
    [JsonPropertyName("breakout_room")] public BreakoutRoomSettings? BreakoutRoom { get; init; }
    [JsonPropertyName("private_meeting")] public bool? PrivateMeeting { get; init; }
    [JsonPropertyName("question_and_answer")] public QuestionAndAnswer? QuestionAndAnswer { get; init; }
    [JsonPropertyName("language_interpretation")] public LanguageInterpretation? LanguageInterpretation { get; init; }
    [JsonPropertyName("meeting_invitees")] public List<MeetingInvitee>? MeetingInvitees { get; init; }
    [JsonPropertyName("global_dial_in_countries")] public List<string>? GlobalDialInCountries { get; init; }
    [JsonPropertyName("global_dial_in_numbers")] public List<GlobalDialInNumber>? GlobalDialInNumbers { get; init; }
    [JsonPropertyName("focus_mode")] public bool? FocusMode { get; init; }
    [JsonPropertyName("host_save_video_order")] public bool? HostSaveVideoOrder { get; init; }
    [JsonPropertyName("device_testing")] public bool? DeviceTesting { get; init; }
    [JsonPropertyName("email_notification")] public bool? EmailNotification { get; init; }
    [JsonPropertyName("cn_meeting")] public bool? CnMeeting { get; init; }
    [JsonPropertyName("in_meeting")] public bool? InMeeting { get; init; }
    [JsonPropertyName("enforce_login")] public bool? EnforceLogin { get; init; }
}

public sealed record MeetingOccurrence
{
    [JsonPropertyName("occurrence_id")] public string? OccurrenceId { get; init; }
    [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; init; }
    [JsonPropertyName("duration")] public int? Duration { get; init; }
    [JsonPropertyName("status")] public OccurrenceStatus? Status { get; init; }
}

public sealed record Meeting
{
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("uuid")] public string? Uuid { get; init; }
    [JsonPropertyName("host_id")] public string? HostId { get; init; }
    [JsonPropertyName("host_email")] public string? HostEmail { get; init; }
    [JsonPropertyName("assistant_id")] public string? AssistantId { get; init; }
    [JsonPropertyName("status")] public MeetingStatus? Status { get; init; }
    [JsonPropertyName("topic")] public string? Topic { get; init; }
    [JsonPropertyName("type")] public MeetingType? Type { get; init; }
    [JsonPropertyName("start_time")] public DateTimeOffset? StartTime { get; init; }
    [JsonPropertyName("duration")] public int? Duration { get; init; }
    [JsonPropertyName("timezone")] public string? Timezone { get; init; }
    [JsonPropertyName("agenda")] public string? Agenda { get; init; }
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }
    [JsonPropertyName("start_url")] public string? StartUrl { get; init; }
    [JsonPropertyName("join_url")] public string? JoinUrl { get; init; }
    [JsonPropertyName("password")] public string? Password { get; init; }
    [JsonPropertyName("h323_password")] public string? H323Password { get; init; }
    [JsonPropertyName("pstn_password")] public string? PstnPassword { get; init; }
    [JsonPropertyName("encrypted_password")] public string? EncryptedPassword { get; init; }
    [JsonPropertyName("pre_schedule")] public bool? PreSchedule { get; init; }
    [JsonPropertyName("creation_source")] public MeetingCreationSource? CreationSource { get; init; }
    [JsonPropertyName("tracking_fields")] public List<TrackingField>? TrackingFields { get; init; }
    [JsonPropertyName("occurrences")] public List<MeetingOccurrence>? Occurrences { get; init; }
    [JsonPropertyName("recurrence")] public Recurrence? Recurrence { get; init; }
    [JsonPropertyName("settings")] public MeetingSettings? Settings { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateMeetingRequest))]
[JsonSerializable(typeof(Meeting))]
public sealed partial class ZoomStjContext : JsonSerializerContext
{
}
