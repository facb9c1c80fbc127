namespace Codegen.Runtime.Errors;

/// <summary>Which kind of limit a 429 answer reports.</summary>
public enum RateLimitKind
{
    /// <summary>The answer said nothing that tells the kinds apart.</summary>
    Unknown,

    /// <summary>A per-second (or per-minute) limit: waiting briefly helps, so the call is retried.</summary>
    PerSecond,

    /// <summary>A daily limit: it frees up at the next window (for Zoom, 00:00 UTC), so the call is not retried.</summary>
    Daily,

    /// <summary>Too many concurrent requests on one resource: retried like a per-second limit.</summary>
    Concurrency,
}
