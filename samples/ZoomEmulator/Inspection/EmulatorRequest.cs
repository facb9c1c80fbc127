namespace ZoomEmulator.Inspection;

/// <summary>One request the emulator answered (or dropped), as recorded for tests.</summary>
/// <param name="At">When it arrived, by the emulator's clock.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path without the query string (queries can carry secrets).</param>
/// <param name="StatusCode">The status the emulator chose (also for a dropped answer that was never sent).</param>
/// <param name="Dropped">True when the connection was aborted instead of answering.</param>
public sealed record EmulatorRequest(DateTimeOffset At, string Method, string Path, int StatusCode, bool Dropped);
