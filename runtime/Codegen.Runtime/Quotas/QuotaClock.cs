namespace Codegen.Runtime.Quotas;

// The limiter's "now". With TimeProvider.System it reads a coarse clock: the precise UTC clock, read once a second,
// plus the milliseconds Environment.TickCount64 counted since. Reading the precise clock costs 50-60 ns on
// virtualised hosts (measured on the benchmark machine), more than the rest of an in-memory acquire, while
// TickCount64 costs about 10 ns. The error is the tick's granularity (a few ms) and a wall-clock step is picked up
// within a second: far finer than a quota window (1 s or more), and than System.Threading.RateLimiting's fixed
// windows, which are replenished by a 100 ms timer. Any other TimeProvider (FakeTimeProvider in tests) is read as is.
internal sealed class QuotaClock
{
    private const long ReanchorAfterMilliseconds = 1_000;

    private static Anchor? s_anchor;

    private readonly TimeProvider _time;
    private readonly bool _coarse;

    public QuotaClock(TimeProvider time)
    {
        _time = time;
        _coarse = ReferenceEquals(time, TimeProvider.System);
    }

    public DateTimeOffset GetUtcNow() => new(GetUtcTicks(), TimeSpan.Zero);

    // The same moment as UTC ticks: the in-memory path works in ticks, so it skips building a DateTimeOffset.
    public long GetUtcTicks() => _coarse ? CoarseUtcTicks() : _time.GetUtcNow().UtcTicks;

    private static long CoarseUtcTicks()
    {
        var tick = Environment.TickCount64;
        var anchor = Volatile.Read(ref s_anchor);
        if (anchor is not null)
        {
            var elapsed = tick - anchor.Tick;
            if (elapsed is >= 0 and < ReanchorAfterMilliseconds)
            {
                return anchor.UtcTicks + (elapsed * TimeSpan.TicksPerMillisecond);
            }
        }
        var now = DateTimeOffset.UtcNow.UtcTicks;
        Volatile.Write(ref s_anchor, new Anchor(now, tick));
        return now;
    }

    private sealed record Anchor(long UtcTicks, long Tick);
}
