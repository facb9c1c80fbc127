namespace ZoomEmulator.Inspection;

/// <summary>Every API and token request, in arrival order. Admin requests are not recorded.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<EmulatorRequest> _entries = [];

    public void Add(EmulatorRequest entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<EmulatorRequest> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
