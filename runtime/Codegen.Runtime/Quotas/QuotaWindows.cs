namespace Codegen.Runtime.Quotas;

/// <summary>
/// Where a policy's window starts and ends at a moment. Shared by every <see cref="IQuotaStore"/> so that all stores
/// agree on window boundaries: calendar days start at 00:00 UTC whatever the local time zone, fixed windows are
/// aligned to the Unix epoch, and a rolling window is the period that ends now.
/// </summary>
public static class QuotaWindows
{
    /// <summary>The window of <paramref name="policy"/> that contains <paramref name="now"/>, as UTC moments.</summary>
    /// <param name="policy">The policy whose window is measured.</param>
    /// <param name="now">The moment (any offset; only the UTC instant is used).</param>
    /// <returns>The inclusive start and exclusive end. For rolling windows: <c>(now - Period, now)</c>.</returns>
    public static (DateTimeOffset Start, DateTimeOffset End) Current(QuotaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (start, end) = CurrentTicks(policy, now.UtcTicks);
        return (new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(end, TimeSpan.Zero));
    }

    /// <summary>The next 00:00 UTC strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextUtcMidnight(DateTimeOffset now)
    {
        var day = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerDay);
        return new DateTimeOffset(day + TimeSpan.TicksPerDay, TimeSpan.Zero);
    }

    /// <summary>The same as <see cref="Current"/> in UTC ticks, for stores that keep ticks.</summary>
    public static (long Start, long End) CurrentTicks(QuotaPolicy policy, long utcTicks)
    {
        ArgumentNullException.ThrowIfNull(policy);
        switch (policy.Window)
        {
            case QuotaWindowKind.CalendarDayUtc:
            {
                var start = utcTicks - (utcTicks % TimeSpan.TicksPerDay);
                return (start, start + TimeSpan.TicksPerDay);
            }
            case QuotaWindowKind.Fixed:
            {
                var period = PeriodTicks(policy);
                var sinceEpoch = utcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
                var start = utcTicks - Mod(sinceEpoch, period);
                return (start, start + period);
            }
            case QuotaWindowKind.Rolling:
                return (utcTicks - PeriodTicks(policy), utcTicks);
            default:
                throw new ArgumentOutOfRangeException(nameof(policy), policy.Window, "Unknown quota window kind.");
        }
    }

    /// <summary>The policy's period in ticks (at least one tick).</summary>
    public static long PeriodTicks(QuotaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Window == QuotaWindowKind.CalendarDayUtc ? TimeSpan.TicksPerDay : Math.Max(1, policy.Period.Ticks);
    }

    private static long Mod(long value, long divisor)
    {
        var r = value % divisor;
        return r < 0 ? r + divisor : r;
    }
}
