using ZoomEmulator;

namespace ZoomMeetings.Running;

/// <summary>
/// What the sample takes from the world around it. <see cref="Default"/> is the real console, the process
/// environment and the system clock; tests pass their own clock, variables and a running emulator.
/// </summary>
public sealed class SampleEnvironment
{
    /// <summary>The real world.</summary>
    public static SampleEnvironment Default => new();

    /// <summary>Reads an environment variable (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The clock of the client, its quota limiter and an emulator the sample starts.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>A running emulator to talk to instead of starting one (it is not stopped by the sample).</summary>
    public ZoomEmulatorServer? Emulator { get; init; }

    /// <summary>Whether stderr is a terminal (a progress bar then), or <see langword="null"/> to ask the console.</summary>
    public bool? StderrIsTerminal { get; init; }
}
