namespace Codegen.Runtime.Transport;

/// <summary>
/// How often and how long a call may be retried. Only safe retries happen: answers that say the request was not
/// processed (429 per-second, 503), failures before the request left, and — for idempotent methods only — timeouts
/// and connection losses after sending.
/// </summary>
public sealed class ApiRetryOptions
{
    /// <summary>Attempts per call, the first one included (1 turns retries off). Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first backoff delay when the server gives no <c>Retry-After</c>; it doubles per attempt. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait. A <c>Retry-After</c> further away than this is not waited for: the call fails with it. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No retry wait may end later than this after the call started. Default 2 minutes.</summary>
    public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Randomise backoff delays (between half and all of the exponential delay) so clients do not retry in step. Default on.</summary>
    public bool UseJitter { get; set; } = true;
}
