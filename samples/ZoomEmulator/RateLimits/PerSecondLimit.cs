namespace ZoomEmulator.RateLimits;

/// <summary>
/// Zoom's per-second account limit, counted per label (category) and not per endpoint. Modelled as a fixed window per
/// whole second of the emulator's clock (Zoom does not document its window shape). With a fake clock that is not
/// advanced, every request falls into the same second.
/// </summary>
internal sealed class PerSecondLimit(TimeProvider clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Second, int Count)> _windows = new(StringComparer.Ordinal);

    public bool TryConsume(string category, int limit)
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var window = _windows.GetValueOrDefault(category);
            if (window.Second != second)
            {
                window = (second, 0);
            }

            if (window.Count >= limit)
            {
                return false;
            }

            _windows[category] = (second, window.Count + 1);
            return true;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
