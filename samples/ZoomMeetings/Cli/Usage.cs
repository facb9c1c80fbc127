namespace ZoomMeetings.Cli;

/// <summary>The <c>--help</c> text.</summary>
public static class Usage
{
    /// <summary>Usage, options, examples and exit codes.</summary>
    public const string Text = """
        Schedules Zoom meetings with the client Codegen generates from specs/zoom-meetings.yaml.

        Usage: dotnet run --project samples/ZoomMeetings -- [options]

        Without ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET it starts a local Zoom emulator in this
        process and talks to it; with all three set it talks to https://api.zoom.us/v2 (Server-to-Server OAuth).

        Options:
          --topic TEXT            Meeting title (default "Weekly sync").
          --start WHEN            2026-12-01T09:30 (in --timezone), 2026-12-01T08:30:00Z, or with an offset
                                  such as 2026-12-01T09:30+01:00 (default: next Monday 09:00 in --timezone).
          --duration MINUTES      Length in minutes (default 30).
          --timezone ZONE         IANA time zone, e.g. Europe/Berlin (default UTC).
          --recurrence RULE       weekly:DAYS (1 = Sunday … 7 = Saturday, default weekly:2,4 = Mon and Wed),
                                  daily:N (every N days), monthly:DAY, or none (a single meeting).
          --occurrences N         How many times a recurring meeting happens (default 4).
          --password CODE         Passcode: at most 10 of A-Z a-z 0-9 @ - _ * (default: Zoom generates one).
          --host USER             Host user id, e-mail address, or me (default me).
          --count N               Create N meetings (progress on stderr).
          --json                  Print each answer's raw JSON (written by the generated JSON code).
          --quota-store STORE     memory (default), sqlite:PATH (shared by processes) or redis:HOST:PORT.
          -h, --help              Show this text.

        Examples:
          dotnet run --project samples/ZoomMeetings
          dotnet run --project samples/ZoomMeetings -- --topic "Design review" --start 2026-12-01T14:00 --timezone Europe/Berlin
          dotnet run --project samples/ZoomMeetings -- --recurrence none --password 'abc@123' --json
          dotnet run --project samples/ZoomMeetings -- --count 150 --quota-store sqlite:quotas.db

        Exit codes: 0 done · 1 usage error · 2 invalid meeting (nothing sent) · 3 quota used up (which one, and
        when it frees up) · 4 Zoom answered with an error · 5 outcome unknown (check before retrying).
        """;
}
