namespace Codegen.Runtime.Quotas;

/// <summary>
/// Where quota counts and server-imposed blocks live: in memory, in a SQLite file or in Redis. Every method
/// is atomic across all callers that share the store (threads, processes or machines, as the store allows).
/// </summary>
public interface IQuotaStore
{
    /// <summary>
    /// Takes one permit from every counter, or none: refuses when any counter is blocked or at its limit.
    /// </summary>
    /// <param name="counters">The counters one attempt consumes (for Zoom: the host's daily count and the account's per-second label).</param>
    /// <param name="now">The caller's clock. A store with its own clock (Redis) may use that instead.</param>
    /// <param name="cancellationToken">Cancels the wait for the store.</param>
    ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives back permits taken at <paramref name="acquiredAt"/> for a request that surely was not sent.
    /// A permit whose window has already ended is not given back.
    /// </summary>
    ValueTask ReleaseAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Blocks a counter until a time because the server said its limit was reached.</summary>
    ValueTask BlockAsync(QuotaCounter counter, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Lowers the local count's remaining permits to what the server reported, when the server's is lower.</summary>
    ValueTask ReportRemainingAsync(QuotaCounter counter, int remaining, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Reads a counter without taking a permit.</summary>
    ValueTask<QuotaStatus> GetStatusAsync(QuotaCounter counter, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>A counter's state in its current window.</summary>
/// <param name="Used">Permits used in the current window.</param>
/// <param name="Remaining">Permits left in the current window.</param>
/// <param name="WindowEndsAt">When the current window ends (for rolling windows: when the oldest permit leaves it).</param>
/// <param name="BlockedUntil">When a server-imposed block ends, or <see langword="null"/>.</param>
public readonly record struct QuotaStatus(int Used, int Remaining, DateTimeOffset WindowEndsAt, DateTimeOffset? BlockedUntil);
