namespace ZoomMeetings.Cli;

/// <summary>Where quota counts live: this process only, a SQLite file, or a Redis server.</summary>
public enum QuotaStoreKind
{
    /// <summary>In memory (the default): counts die with the process.</summary>
    Memory,

    /// <summary>A SQLite file shared by every process that names it.</summary>
    Sqlite,

    /// <summary>A Redis server shared by every instance.</summary>
    Redis,
}

/// <summary>How the meeting repeats, as given by <c>--recurrence</c>.</summary>
/// <param name="Kind">none, daily, weekly or monthly.</param>
/// <param name="WeeklyDays">For weekly: Zoom's comma list of day numbers (1 = Sunday … 7 = Saturday), passed as typed.</param>
/// <param name="Interval">For daily: repeat every this many days.</param>
/// <param name="MonthlyDay">For monthly: the day of the month.</param>
public sealed record RecurrenceChoice(string Kind, string? WeeklyDays = null, int? Interval = null, int? MonthlyDay = null)
{
    /// <summary>No recurrence: a single scheduled meeting.</summary>
    public static RecurrenceChoice None { get; } = new("none");

    /// <summary>The default: weekly on Monday and Wednesday.</summary>
    public static RecurrenceChoice WeeklyMondayWednesday { get; } = new("weekly", WeeklyDays: "2,4");
}

/// <summary>
/// The start time as typed: either UTC (sent as <c>yyyy-MM-ddTHH:mm:ssZ</c>) or a wall-clock time in the meeting's
/// time zone (sent without offset, as Zoom reads it).
/// </summary>
public sealed record StartChoice(DateTime Value, bool IsUtc);

/// <summary>Everything the command line says; defaults are what <c>dotnet run</c> with no arguments does.</summary>
public sealed record SampleOptions
{
    /// <summary>The meeting's title.</summary>
    public string Topic { get; init; } = "Weekly sync";

    /// <summary>The start; <see langword="null"/> means next Monday 09:00 in <see cref="TimeZone"/>.</summary>
    public StartChoice? Start { get; init; }

    /// <summary>Length in minutes.</summary>
    public int Duration { get; init; } = 30;

    /// <summary>IANA time zone the start is read and shown in.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>How the meeting repeats.</summary>
    public RecurrenceChoice Recurrence { get; init; } = RecurrenceChoice.WeeklyMondayWednesday;

    /// <summary>How many occurrences a recurring meeting has (Zoom's <c>end_times</c>).</summary>
    public int Occurrences { get; init; } = 4;

    /// <summary>The passcode, or <see langword="null"/> to let Zoom generate one.</summary>
    public string? Password { get; init; }

    /// <summary>The host: a user id, an e-mail address, or <c>me</c>.</summary>
    public string Host { get; init; } = "me";

    /// <summary>How many meetings to create.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Print each answer's raw JSON instead of the summary.</summary>
    public bool Json { get; init; }

    /// <summary>Where quota counts live.</summary>
    public QuotaStoreKind QuotaStore { get; init; } = QuotaStoreKind.Memory;

    /// <summary>The SQLite file or the Redis host:port, for the non-memory stores.</summary>
    public string? QuotaStoreTarget { get; init; }

    /// <summary>Show the usage text and do nothing else.</summary>
    public bool Help { get; init; }
}
