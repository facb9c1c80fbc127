namespace ZoomEmulator.RateLimits;

/// <summary>
/// Zoom's per-host limit on Meeting Create/Update calls: a fixed window per UTC calendar day (reset at 00:00 UTC of
/// the emulator's clock, as Zoom staff and the 429 message state), counted per host user key.
/// </summary>
internal sealed class DailyUserLimit(TimeProvider clock, int limit)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string User, DateOnly Day), int> _used = [];

    public int Limit => limit;

    /// <summary>Takes one call from today's allowance; false when it is used up.</summary>
    public bool TryConsume(string userKey, out int remaining)
    {
        var day = Today();
        lock (_gate)
        {
            _used.TryGetValue((userKey, day), out var used);
            if (used >= limit)
            {
                remaining = 0;
                return false;
            }

            _used[(userKey, day)] = used + 1;
            remaining = limit - used - 1;
            return true;
        }
    }

    public int UsedToday(string userKey)
    {
        var day = Today();
        lock (_gate)
        {
            return _used.GetValueOrDefault((userKey, day));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _used.Clear();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
