namespace ZoomEmulator.Faults;

/// <summary>One armed fault, as seen by a request that it hits.</summary>
/// <param name="Kind">What happens to the request.</param>
/// <param name="Scope">Which requests it may hit.</param>
/// <param name="StatusCode">For <see cref="FaultKind.FailWithStatus"/> (and 503 for <see cref="FaultKind.ServiceUnavailable"/>).</param>
/// <param name="RetryAfter">For <see cref="FaultKind.ServiceUnavailable"/>: the <c>Retry-After</c> value sent.</param>
/// <param name="Delay">For <see cref="FaultKind.Delay"/>: how long the answer is held back.</param>
/// <param name="DelayUsesTimeProvider">For <see cref="FaultKind.Delay"/>: wait on the emulator's <see cref="TimeProvider"/>
/// (a fake clock must then be advanced) instead of real time.</param>
public sealed record InjectedFault(
    FaultKind Kind,
    FaultScope Scope,
    int StatusCode = 0,
    TimeSpan RetryAfter = default,
    TimeSpan Delay = default,
    bool DelayUsesTimeProvider = false);
