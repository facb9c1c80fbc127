using ZoomEmulator;
using ZoomMeetings.Running;

namespace Codegen.EndToEnd.Tests.Sample;

/// <summary>One in-process run of the sample app: its exit code and what it wrote.</summary>
internal sealed record SampleRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the sample with no ZOOM_* variables (so it uses the emulator), on <paramref name="clock"/>.</summary>
    public static async Task<SampleRun> RunAsync(TimeProvider clock, ZoomEmulatorServer? emulator, params string[] args) =>
        await RunAsync(clock, emulator, static _ => null, args);

    public static async Task<SampleRun> RunAsync(TimeProvider clock, ZoomEmulatorServer? emulator, Func<string, string?> variables, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var environment = new SampleEnvironment { Clock = clock, Emulator = emulator, GetVariable = variables, StderrIsTerminal = false };
        var code = await ZoomMeetingsApp.RunAsync(args, stdout, stderr, environment, guard.Token);
        return new SampleRun(code, stdout.ToString(), stderr.ToString());
    }
}
