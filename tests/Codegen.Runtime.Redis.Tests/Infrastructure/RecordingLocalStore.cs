using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Redis.Tests.Infrastructure;

/// <summary>
/// A tiny stand-in for the local (in-memory) store in the fallback test: it answers with a recognisable result and
/// records what it was asked. Replace with the real InMemoryQuotaStore once it is merged.
/// </summary>
internal sealed class RecordingLocalStore : IQuotaStore
{
    public const int RecognisableRemaining = 4242;

    public List<string> Calls { get; } = [];

    public ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (Calls) { Calls.Add("acquire"); }
        return ValueTask.FromResult(QuotaAcquireResult.Granted(RecognisableRemaining));
    }

    public ValueTask ReleaseAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (Calls) { Calls.Add("release"); }
        return ValueTask.CompletedTask;
    }

    public ValueTask BlockAsync(QuotaCounter counter, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (Calls) { Calls.Add("block"); }
        return ValueTask.CompletedTask;
    }

    public ValueTask ReportRemainingAsync(QuotaCounter counter, int remaining, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (Calls) { Calls.Add("report"); }
        return ValueTask.CompletedTask;
    }

    public ValueTask<QuotaStatus> GetStatusAsync(QuotaCounter counter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (Calls) { Calls.Add("status"); }
        return ValueTask.FromResult(new QuotaStatus(0, RecognisableRemaining, now, null));
    }
}
