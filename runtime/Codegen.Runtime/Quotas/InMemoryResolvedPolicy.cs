namespace Codegen.Runtime.Quotas;

// A policy object as the in-memory store uses it, resolved once per QuotaPolicy instance: its table, its window
// kind and period, and the current window (computed once per window instead of a 64-bit division per call).
internal sealed class InMemoryResolvedPolicy
{
    private Window? _current;

    public InMemoryResolvedPolicy(QuotaPolicy policy, InMemoryQuotaTable table)
    {
        Policy = policy;
        Table = table;
        Kind = policy.Window;
        PeriodTicks = QuotaWindows.PeriodTicks(policy);
    }

    public QuotaPolicy Policy { get; }

    public InMemoryQuotaTable Table { get; }

    public QuotaWindowKind Kind { get; }

    public long PeriodTicks { get; }

    public bool IsRolling => Kind == QuotaWindowKind.Rolling;

    /// <summary>The window containing <paramref name="t"/> (UTC ticks), as QuotaWindows.CurrentTicks would compute it.</summary>
    public (long Start, long End) WindowAt(long t)
    {
        if (Kind == QuotaWindowKind.Rolling)
        {
            return (t - PeriodTicks, t);
        }
        var current = Volatile.Read(ref _current);
        if (current is not null && t >= current.Start && t < current.End)
        {
            return (current.Start, current.End);
        }
        var (start, end) = QuotaWindows.CurrentTicks(Policy, t);
        // Callers' clocks may differ a little: keep the newest window, the one most calls will ask for.
        if (current is null || start >= current.Start)
        {
            Volatile.Write(ref _current, new Window(start, end));
        }
        return (start, end);
    }

    private sealed record Window(long Start, long End);
}
