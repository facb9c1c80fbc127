namespace ZoomEmulator.Faults;

/// <summary>
/// Faults armed at run time for the next N matching requests. Faults are used in the order they were armed: a request
/// takes the oldest armed fault whose <see cref="FaultScope"/> matches it. Thread-safe.
/// </summary>
public sealed class FaultSwitches
{
    private readonly object _gate = new();
    private readonly List<(InjectedFault Fault, int Remaining)> _armed = [];

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="statusCode"/> and
    /// a body <c>{"code":status,"message":"Injected failure."}</c>.</summary>
    public void FailNext(int count, int statusCode, FaultScope scope = FaultScope.Api)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use a 4xx or 5xx status code.");
        }

        Arm(new InjectedFault(FaultKind.FailWithStatus, scope, StatusCode: statusCode), count);
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with 503 and <c>Retry-After</c> in whole seconds.</summary>
    public void ServiceUnavailableNext(int count, TimeSpan retryAfter, FaultScope scope = FaultScope.Api)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        Arm(new InjectedFault(FaultKind.ServiceUnavailable, scope, StatusCode: 503, RetryAfter: retryAfter), count);
    }

    /// <summary>Processes the next <paramref name="count"/> matching requests and then aborts their connections
    /// without answering (see <see cref="FaultKind.DropConnection"/>).</summary>
    public void DropConnectionNext(int count, FaultScope scope = FaultScope.Api) =>
        Arm(new InjectedFault(FaultKind.DropConnection, scope), count);

    /// <summary>Processes the next <paramref name="count"/> matching requests and holds each answer back by <paramref name="delay"/>.</summary>
    /// <param name="count">How many requests to slow down.</param>
    /// <param name="delay">How long to hold the answer.</param>
    /// <param name="useTimeProvider">Wait on the emulator's <see cref="TimeProvider"/> instead of real time.</param>
    /// <param name="scope">Which requests may be hit.</param>
    public void DelayNext(int count, TimeSpan delay, bool useTimeProvider = false, FaultScope scope = FaultScope.Api)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
        }

        Arm(new InjectedFault(FaultKind.Delay, scope, Delay: delay, DelayUsesTimeProvider: useTimeProvider), count);
    }

    /// <summary>Arms <paramref name="fault"/> for the next <paramref name="count"/> matching requests.</summary>
    public void Arm(InjectedFault fault, int count)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _armed.Add((fault, count));
        }
    }

    /// <summary>How many requests still have a fault waiting for them.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _armed.Sum(a => a.Remaining);
            }
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    /// <summary>Takes the oldest armed fault that matches <paramref name="scope"/>, if any.</summary>
    internal InjectedFault? TakeFor(FaultScope scope)
    {
        lock (_gate)
        {
            for (var i = 0; i < _armed.Count; i++)
            {
                var (fault, remaining) = _armed[i];
                if ((fault.Scope & scope) == 0)
                {
                    continue;
                }

                if (remaining == 1)
                {
                    _armed.RemoveAt(i);
                }
                else
                {
                    _armed[i] = (fault, remaining - 1);
                }

                return fault;
            }

            return null;
        }
    }
}
