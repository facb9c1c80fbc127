namespace ZoomEmulator;

/// <summary>
/// A clock that runs with its base clock plus an offset that only grows. The process-mode emulator uses it so the
/// <c>/_emulator/clock/advance</c> admin endpoint can move time forward (for example past a token's expiry or past
/// 00:00 UTC) without waiting. In-process tests usually pass a <c>FakeTimeProvider</c> instead.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private readonly TimeProvider _baseClock;
    private long _offsetTicks;

    /// <summary>Creates a clock that starts at the base clock's time.</summary>
    /// <param name="baseClock">The clock to follow; <see cref="TimeProvider.System"/> when null.</param>
    public AdjustableClock(TimeProvider? baseClock = null) => _baseClock = baseClock ?? System;

    /// <summary>How far this clock is ahead of its base clock.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward.</summary>
    /// <param name="by">A non-negative amount of time.</param>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _baseClock.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _baseClock.LocalTimeZone;
}
