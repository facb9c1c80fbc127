using System.Collections.Concurrent;
using ZoomEmulator.Auth;
using ZoomEmulator.Faults;
using ZoomEmulator.Inspection;
using ZoomEmulator.Meetings;
using ZoomEmulator.RateLimits;
using ZoomEmulator.Users;

namespace ZoomEmulator;

/// <summary>Everything the emulator remembers: shared by the endpoints, the admin API and <see cref="ZoomEmulatorServer"/>.</summary>
internal sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, int> _createsReceived = new(StringComparer.Ordinal);
    private readonly CountWaiters _createWaiters = new();
    private volatile bool _sendRateLimitHeaders;
    private int _totalCreatesReceived;

    public EmulatorState(ZoomEmulatorOptions options)
    {
        Options = options;
        Clock = options.TimeProvider;
        Tokens = new TokenStore(Clock, options.TokenLifetime);
        Users = new UserDirectory(options);
        StartUrls = new StartUrlRegistry(options);
        DailyLimit = new DailyUserLimit(Clock, options.DailyCreateUpdateLimitPerUser);
        PerSecond = new PerSecondLimit(Clock);
        _sendRateLimitHeaders = options.SendRateLimitHeaders;
    }

    public ZoomEmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public TokenStore Tokens { get; }

    public UserDirectory Users { get; }

    public MeetingStore Meetings { get; } = new();

    public StartUrlRegistry StartUrls { get; }

    public DailyUserLimit DailyLimit { get; }

    public PerSecondLimit PerSecond { get; }

    public RequestLog Log { get; } = new();

    public FaultSwitches Faults { get; } = new();

    public bool SendRateLimitHeaders
    {
        get => _sendRateLimitHeaders;
        set => _sendRateLimitHeaders = value;
    }

    /// <summary>The counter key of a user id: the user's key, or the lower-cased id for users that do not exist.</summary>
    public string CounterKey(string userId) => Users.KeyOf(userId) ?? userId.ToLowerInvariant();

    public void CountCreateReceived(string userId)
    {
        _createsReceived.AddOrUpdate(CounterKey(userId), 1, (_, n) => n + 1);
        _createWaiters.Notify(Interlocked.Increment(ref _totalCreatesReceived));
    }

    /// <summary>Completes once at least <paramref name="total"/> create requests have been received.</summary>
    public Task WaitForCreatesReceivedAsync(int total, CancellationToken cancellationToken) =>
        _createWaiters.WaitAsync(total, () => TotalCreatesReceived, cancellationToken);

    public int CreatesReceived(string userId) => _createsReceived.GetValueOrDefault(CounterKey(userId));

    public int TotalCreatesReceived => Volatile.Read(ref _totalCreatesReceived);

    public void Reset()
    {
        _createsReceived.Clear();
        Interlocked.Exchange(ref _totalCreatesReceived, 0);
        Tokens.Reset();
        Users.Reset();
        Meetings.Reset();
        StartUrls.Reset();
        DailyLimit.Reset();
        PerSecond.Reset();
        Log.Clear();
        Faults.Clear();
        SendRateLimitHeaders = Options.SendRateLimitHeaders;
    }
}
