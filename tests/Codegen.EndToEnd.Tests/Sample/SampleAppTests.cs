using System.Text.Json;
using Codegen.EndToEnd.Tests.Zoom;
using Codegen.Runtime.Quotas.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ZoomMeetings.Running;

namespace Codegen.EndToEnd.Tests.Sample;

/// <summary>The sample app (samples/ZoomMeetings) run in-process through its RunAsync entry point.</summary>
public sealed class SampleAppTests
{
    [Fact]
    public async Task TheDefaultRunStartsItsOwnEmulatorSchedulesAWeeklyMeetingAndReports99Left()
    {
        var clock = new FakeTimeProvider(ZoomWorld.Start);

        var run = await SampleRun.RunAsync(clock, emulator: null);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("Using the Zoom emulator (started in this process) at http://127.0.0.1:", lines[0]);
        Assert.Matches(@"Meeting 8\d{10} · Weekly sync", run.Stdout);
        Assert.Contains("recurring, fixed time: weekly on Mon, Wed, 4 occurrences", run.Stdout);
        Assert.Contains("Mon 30 Nov 2026 09:00 (UTC) · 30 min", run.Stdout); // next Monday 09:00 after Thu 26 Nov
        Assert.Contains("?pwd=***", run.Stdout);
        Assert.Contains("?zak=*** · expires 2026-11-26 12:00 UTC (in 2h) · fresh", run.Stdout);
        Assert.Contains("Wed 09 Dec 2026 09:00", run.Stdout); // the fourth occurrence
        Assert.Contains("Quota today (UTC) for host me: 99 of 100 create/update calls left; resets 2026-11-27 00:00 UTC (in 14h).", run.Stdout);
    }

    [Fact]
    public async Task TheMeetingPrintedIsTheOneZoomStoredAndNoSecretIsShown()
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--topic", "Design review", "--recurrence", "none", "--password", "abc@123");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var id = Assert.Single(world.Emulator.MeetingIds);
        Assert.Contains($"Meeting {id} · Design review", run.Stdout);
        var stored = world.Emulator.GetStoredMeeting(id)!;
        Assert.Equal("abc@123", (string?)stored["password"]);
        Assert.DoesNotContain("abc@123", run.Stdout);
        Assert.DoesNotContain((string)stored["join_url"]!, run.Stdout);
        Assert.Contains("  Type         scheduled", run.Stdout);
    }

    [Fact]
    public async Task AnInvalidPasswordExitsWith2ListsEveryViolationAndSendsNothing()
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--password", "no spaces allowed", "--recurrence", "weekly:2,8", "--occurrences", "61");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("The meeting is invalid; nothing was sent to Zoom (4 problems):", run.Stderr);
        Assert.Contains("  - password: must be at most 10 characters long (maxLength)", run.Stderr);
        Assert.Contains("  - password: must match the pattern", run.Stderr);
        Assert.Contains("  - recurrence.weekly_days: must match the pattern", run.Stderr);
        Assert.Contains("  - recurrence.end_times: must be at most 60 (maximum)", run.Stderr);
        Assert.DoesNotContain("no spaces allowed", run.Stderr);
        Assert.True(world.NothingReceived);
    }

    [Fact]
    public async Task AUsedUpDailyQuotaInASharedSqliteStoreExitsWith3AndSaysWhichLimitAndWhenItFreesUp()
    {
        using var folder = new TempFolder();
        var path = folder.File("quotas.db");
        await using var world = await ZoomWorld.StartAsync();
        // Another process of the same application has used today's 100 creates for "me".
        var other = world.CreateClient(new SqliteQuotaStore(path));
        await world.CreateManyAsync(other.Client, 100);

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", "sqlite:" + path);

        Assert.Equal(ExitCodes.QuotaExceeded, run.ExitCode);
        Assert.Contains("Refused before sending, for host me: Quota 'meeting-create-update' is used up", run.Stderr);
        Assert.Contains("Limit 'meeting-create-update' frees up at 2026-11-27 00:00 UTC.", run.Stderr);
        Assert.Equal(100, world.CreatesReceived);
    }

    [Fact]
    public async Task ZoomsDailyLimitAnswerExitsWith3AndSaysWhenItFreesUp()
    {
        await using var world = await ZoomWorld.StartAsync(options => options.DailyCreateUpdateLimitPerUser = 1);
        await world.CreateManyAsync(world.CreateClient().Client, 1);

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator);

        Assert.Equal(ExitCodes.QuotaExceeded, run.ExitCode);
        Assert.Contains("Zoom refused with a rate limit (daily limit), code 429", run.Stderr);
        Assert.Contains("2026-11-27 00:00 UTC", run.Stderr);
    }

    [Fact]
    public async Task AnUnknownHostExitsWith4AndPrintsZoomsCodeAndMessage()
    {
        await using var world = await ZoomWorld.StartAsync(options => options.UnknownUsers.Add("ghost@example.com"));

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--host", "ghost@example.com");

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        Assert.Contains("Zoom answered HTTP 404, code 1001: User does not exist: ghost@example.com.", run.Stderr);
    }

    [Fact]
    public async Task ADroppedConnectionExitsWith5AndAdvisesCheckingBeforeRetrying()
    {
        await using var world = await ZoomWorld.StartAsync();
        world.Emulator.Faults.DropConnectionNext(1);

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator);

        Assert.Equal(ExitCodes.OutcomeUnknown, run.ExitCode);
        Assert.Contains("Outcome unknown:", run.Stderr);
        Assert.Contains("before running this again", run.Stderr);
        Assert.Equal(1, world.Emulator.MeetingsCreated("me"));
    }

    [Fact]
    public async Task JsonOutputIsTheAnswerWrittenByTheGeneratedWriter()
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout); // stdout is JSON only
        var id = json.RootElement.GetProperty("id").GetInt64();
        Assert.Equal(Assert.Single(world.Emulator.MeetingIds), id);
        Assert.Equal(8, json.RootElement.GetProperty("type").GetInt32());
        Assert.Equal("2,4", json.RootElement.GetProperty("recurrence").GetProperty("weekly_days").GetString());
        Assert.Contains("Using the Zoom emulator", run.Stderr);
        Assert.Contains("99 of 100", run.Stderr);
    }

    [Fact]
    public async Task ACountRunCreatesEveryMeetingAndShowsPlainProgressLinesWhenStderrIsNotATerminal()
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--count", "3", "--recurrence", "daily:1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(3, world.Emulator.MeetingsCreated("me"));
        var progress = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, progress.Length);
        for (var n = 1; n <= 3; n++)
        {
            Assert.StartsWith($"[{n}/3] created 8", progress[n - 1]);
        }
        foreach (var id in world.Emulator.MeetingIds)
        {
            Assert.Single(progress, line => line.EndsWith($" created {id}", StringComparison.Ordinal));
            Assert.Contains(id.ToString(), run.Stdout);
        }
        Assert.Contains("97 of 100", run.Stdout);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--count", "many")]
    [InlineData("--start", "next tuesday")]
    [InlineData("--recurrence", "yearly")]
    [InlineData("--quota-store", "postgres:db")]
    [InlineData("--topic")]
    public async Task UsageErrorsExitWith1BeforeAnythingStarts(params string[] args)
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Run with --help", run.Stderr);
        Assert.Equal("", run.Stdout);
        Assert.True(world.NothingReceived);
    }

    [Fact]
    public async Task OnlySomeZoomCredentialsIsAUsageErrorNamingTheMissingOnes()
    {
        var clock = new FakeTimeProvider(ZoomWorld.Start);

        var run = await SampleRun.RunAsync(clock, null, name => name == "ZOOM_ACCOUNT_ID" ? "acc" : null);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("missing: ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET", run.Stderr);
    }

    [Fact]
    public async Task HelpShowsUsageWithExamplesAndExitCodes()
    {
        var run = await SampleRun.RunAsync(new FakeTimeProvider(ZoomWorld.Start), null, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("--recurrence RULE", run.Stdout);
        Assert.Contains("Examples:", run.Stdout);
        Assert.Contains("5 outcome unknown", run.Stdout);
    }
}
