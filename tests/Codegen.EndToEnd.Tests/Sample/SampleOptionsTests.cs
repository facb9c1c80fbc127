using Codegen.EndToEnd.Tests.Zoom;
using Xunit;
using ZoomMeetings.Cli;
using ZoomMeetings.Output;
using ZoomMeetings.Running;

namespace Codegen.EndToEnd.Tests.Sample;

/// <summary>The sample's command line, target choice and progress output, and what reaches Zoom for each choice.</summary>
public sealed class SampleOptionsTests
{
    [Theory]
    [InlineData("2026-12-01T09:30+01:00", "2026-12-01T08:30:00Z")]
    [InlineData("2026-12-01T08:30:00Z", "2026-12-01T08:30:00Z")]
    [InlineData("2026-12-01T09:30", "2026-12-01T08:30:00Z")] // wall-clock time in --timezone Europe/Berlin (UTC+1 in December)
    public async Task EveryStartFormReachesZoomAsTheSameInstant(string start, string storedUtc)
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--start", start, "--timezone", "Europe/Berlin", "--recurrence", "none");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var stored = world.Emulator.GetStoredMeeting(Assert.Single(world.Emulator.MeetingIds))!;
        Assert.Equal(storedUtc, (string?)stored["start_time"]);
        Assert.Contains("Tue 01 Dec 2026 09:30 (Europe/Berlin)", run.Stdout);
    }

    [Theory]
    [InlineData("daily:2", "recurring, fixed time: every 2 days, 4 occurrences", 1, "2")]
    [InlineData("monthly:15", "recurring, fixed time: monthly on day 15, 4 occurrences", 3, "1")]
    [InlineData("weekly:1,7", "recurring, fixed time: weekly on Sun, Sat, 4 occurrences", 2, "1")]
    public async Task EachRecurrenceRuleIsSentAsZoomsRecurrenceObject(string rule, string described, int zoomType, string interval)
    {
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--recurrence", rule);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(described, run.Stdout);
        var stored = world.Emulator.GetStoredMeeting(Assert.Single(world.Emulator.MeetingIds))!;
        Assert.Equal(8, (int)stored["type"]!);
        Assert.Equal(zoomType, (int)stored["recurrence"]!["type"]!);
        Assert.Equal(interval, stored["recurrence"]!["repeat_interval"]!.ToString());
        Assert.Equal(4, stored["occurrences"]!.AsArray().Count);
    }

    [Fact]
    public async Task WithAllThreeZoomVariablesTheSampleTargetsApiZoomUsAndStartsNoEmulator()
    {
        var variables = new Dictionary<string, string>
        {
            ["ZOOM_ACCOUNT_ID"] = "acc-1",
            ["ZOOM_CLIENT_ID"] = "client-1",
            ["ZOOM_CLIENT_SECRET"] = "s3cret-value",
        };
        var environment = new SampleEnvironment { GetVariable = name => variables.GetValueOrDefault(name) };

        await using var target = await ZoomTarget.ResolveAsync(environment, CancellationToken.None);

        Assert.Null(target.Emulator);
        Assert.Equal(new Uri("https://api.zoom.us/v2/"), target.ApiBase);
        Assert.Equal(new Uri("https://zoom.us/oauth/token"), target.TokenEndpoint);
        Assert.StartsWith("Using Zoom at https://api.zoom.us/v2", target.Description);
        Assert.DoesNotContain("s3cret-value", target.Description);
    }

    [Fact]
    public void CommandLineReportsEveryUsageProblemAtOnce()
    {
        var result = CommandLine.Parse(["--duration", "long", "--recurrence", "hourly", "--wat", "--count", "0"]);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void CommandLineLeavesValueRulesToTheGeneratedValidators()
    {
        // Out-of-range values parse: the generated validator reports them with every other violation.
        var result = CommandLine.Parse(["--recurrence", "monthly:40", "--duration", "-5", "--password", "way too long"]);

        Assert.True(result.Succeeded);
        Assert.Equal(40, result.Options!.Recurrence.MonthlyDay);
        Assert.Equal(-5, result.Options.Duration);
    }

    [Fact]
    public void OnATerminalProgressIsOneBarRedrawnInPlace()
    {
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, total: 4, isTerminal: true);

        progress.Created(1, 81111111111);
        progress.Created(4, 84444444444);

        var text = error.ToString();
        Assert.StartsWith("\r[", text);
        Assert.Contains("] 1/4 created 81111111111", text);
        Assert.Contains("\r[##############################] 4/4 created 84444444444", text);
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)); // one line, redrawn
    }
}
