namespace ZoomEmulator.Inspection;

/// <summary>Lets a test await "the emulator has seen N requests" instead of polling or sleeping.</summary>
internal sealed class CountWaiters
{
    private readonly object _gate = new();
    private readonly List<(int Target, TaskCompletionSource Done)> _waiters = [];

    public Task WaitAsync(int target, Func<int> current, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (current() >= target)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((target, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    public void Notify(int count)
    {
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= count)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
