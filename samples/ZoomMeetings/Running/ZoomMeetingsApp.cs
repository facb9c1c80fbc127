using Codegen.Runtime.Quotas;
using Zoom.Meetings;
using ZoomMeetings.Cli;
using ZoomMeetings.Output;

namespace ZoomMeetings.Running;

/// <summary>
/// The sample's entry point: read the command line, pick the Zoom to talk to, create the meetings with the generated
/// client and report. Everything it needs from outside comes in as arguments, so tests run it in-process.
/// </summary>
public static class ZoomMeetingsApp
{
    /// <summary>Runs the sample and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Results: the meeting(s), their JSON, the remaining quota.</param>
    /// <param name="stderr">Errors and progress.</param>
    /// <param name="environment">Variables, clock and emulator; the real ones when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run (Ctrl+C).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, SampleEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        var parsed = CommandLine.Parse(args);
        if (!parsed.Succeeded)
        {
            foreach (var problem in parsed.Errors)
            {
                stderr.WriteLine(problem);
            }
            stderr.WriteLine("Run with --help for usage and examples.");
            return ExitCodes.Usage;
        }
        var options = parsed.Options!;
        if (options.Help)
        {
            stdout.WriteLine(Usage.Text);
            return ExitCodes.Success;
        }

        environment ??= SampleEnvironment.Default;
        var missing = ZoomTarget.PartialCredentials(environment);
        if (missing.Count > 0)
        {
            stderr.WriteLine($"Set all three of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET to use Zoom (missing: {string.Join(", ", missing)}), or none to use the emulator.");
            return ExitCodes.Usage;
        }

        await using var target = await ZoomTarget.ResolveAsync(environment, cancellationToken);
        // With --json, stdout carries only JSON; everything else goes to stderr.
        var info = options.Json ? stderr : stdout;
        info.WriteLine(target.Description);

        ZoomSession session;
        try
        {
            session = ClientSetup.Create(target, options, environment.Clock);
        }
        catch (QuotaStoreSetupException exception)
        {
            new ErrorReporter(stderr).Report(exception, options.Host);
            return ExitCodes.Usage;
        }
        await using var _ = session;
        var isTerminal = environment.StderrIsTerminal ?? (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
        return await new Run(options, session, stdout, stderr, info, isTerminal).ExecuteAsync(cancellationToken);
    }

    private sealed class Run(SampleOptions options, ZoomSession session, TextWriter stdout, TextWriter stderr, TextWriter info, bool isTerminal)
    {
        private readonly List<Meeting> _created = [];
        private readonly List<DateTimeOffset> _requestedAt = [];

        public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            var progress = options.Count > 1 ? new ProgressReporter(stderr, options.Count, isTerminal) : null;
            try
            {
                for (var i = 1; i <= options.Count; i++)
                {
                    var requestedAt = session.Clock.GetUtcNow();
                    var request = MeetingRequestFactory.Create(options, requestedAt);
                    var meeting = await session.Client.CreateMeetingAsync(options.Host, request, cancellationToken);
                    _created.Add(meeting);
                    _requestedAt.Add(requestedAt);
                    progress?.Created(i, meeting.Id);
                }
            }
            catch (Exception exception) when (new ErrorReporter(stderr).Report(exception, options.Host) is { } code)
            {
                progress?.Stopped(_created.Count);
                await WriteResultsAsync(cancellationToken);
                if (options.Count > 1)
                {
                    stderr.WriteLine($"Created {_created.Count} of {options.Count} meetings before stopping.");
                }
                return code;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                progress?.Stopped(_created.Count);
                stderr.WriteLine($"Cancelled after {_created.Count} of {options.Count} meetings; a create in flight may or may not exist.");
                return ExitCodes.OutcomeUnknown;
            }

            await WriteResultsAsync(cancellationToken);
            await WriteQuotaAsync(cancellationToken);
            return ExitCodes.Success;
        }

        private async Task WriteResultsAsync(CancellationToken cancellationToken)
        {
            if (_created.Count == 0)
            {
                return;
            }
            if (options.Json)
            {
                // One answer is one JSON object; several are one JSON array, so stdout always parses.
                var answers = _created.Select(MeetingPrinter.Json);
                stdout.WriteLine(options.Count == 1 ? answers.Single() : "[\n" + string.Join(",\n", answers) + "\n]");
                return;
            }
            var printer = new MeetingPrinter(stdout);
            if (options.Count > 1)
            {
                printer.WriteTable(_created);
                return;
            }
            var created = _created[0];
            FreshStartUrl? startUrl = null;
            if (StartUrlFreshness.StartUrlOf(created, _requestedAt[0]) is { } url)
            {
                startUrl = await session.Client.EnsureFreshStartUrlAsync(created.Id, url, cancellationToken: cancellationToken);
            }
            printer.WriteCard(created, startUrl, session.Clock);
        }

        private async Task WriteQuotaAsync(CancellationToken cancellationToken)
        {
            // The per-host daily policy of Create a meeting ("meeting-create-update": 100 per host per UTC day).
            var daily = ZoomMeetingsApi.Description.Quotas.First(q => q.Window == QuotaWindowKind.CalendarDayUtc);
            QuotaStatus status;
            try
            {
                status = await session.Limiter.GetStatusAsync(daily.Name, options.Host, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The meetings exist; a store that cannot answer now must not turn success into failure.
                info.WriteLine();
                info.WriteLine($"Quota today (UTC) for host {options.Host}: unknown ({exception.Message})");
                return;
            }
            var limit = session.Limiter.Policies.First(p => p.Policy.Name == daily.Name).Limit;
            new MeetingPrinter(info).WriteQuota(options.Host, status, limit, session.Clock.GetUtcNow());
        }
    }
}
