using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis;

/// <summary>
/// A quota store on Redis shared by many instances of an application: the instances together never grant more than a
/// limit, and a block learned by one instance (a Zoom daily-limit 429) is honoured by all of them.
/// </summary>
/// <remarks>
/// <para>
/// Every call is one server-side Lua script (EVALSHA, one round trip; EVAL once when the server does not know the script).
/// An acquire checks the block markers and the windows of all counters it is given and takes one permit from each, or
/// none, atomically.
/// </para>
/// <para>
/// <b>Time is the Redis server's</b> (<c>TIME</c> inside the script), not the instances'. The <c>now</c> arguments are
/// ignored for window arithmetic, so instances whose clocks disagree by minutes can neither over-grant nor reset a
/// window early; calendar days are UTC days of the server clock. <c>now</c> is used only to express times on the
/// caller's clock: a returned instant (retry time, window end, block end) is <c>now + (server instant − server now)</c>,
/// and lengths passed in (<c>until − now</c>, <c>now − acquiredAt</c>) are measured on the caller's clock and applied
/// on the server's.
/// </para>
/// <para>
/// Every key written expires (a count at its window end plus <see cref="RedisQuotaStoreOptions.ExpiryMargin"/>, or at
/// the end of its server block when that is later; a rolling window's block marker at the block end). A calendar-day
/// or fixed count keeps its block in its own hash, so an acquire reads both with one <c>HMGET</c> and sets the
/// expiry only when the window rolls over. Keys carry a data-format segment (<c>v2</c>): keys of an older format are
/// never read. All keys of one store share one Redis Cluster hash tag (<see cref="RedisQuotaStoreOptions.HashTag"/>),
/// so one script can span a per-user and a per-account counter on a cluster too.
/// </para>
/// <para>
/// When Redis cannot be reached, <see cref="RedisQuotaStoreOptions.FailureMode"/> decides; the outage is logged once
/// (Warning when it starts, Information when it ends) and counted on the <c>Codegen.Runtime</c> meter
/// (<c>codegen.quota.store.failures</c>, <c>codegen.quota.store.failure_decisions</c>). Nothing broken is cached: the
/// next call after Redis comes back uses Redis again.
/// </para>
/// </remarks>
public sealed class RedisQuotaStore : IQuotaStore, IDisposable
{
    private const long DayMilliseconds = 86_400_000;

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisQuotaStoreOptions _options;
    private readonly RedisQuotaKeys _keys;
    private readonly RedisOutageMonitor _outages;
    private readonly bool _ownsConnection;

    /// <summary>Creates a store on a connection the caller owns (and disposes).</summary>
    /// <param name="connection">
    /// The Redis connection. Create it with <see cref="CreateConnectionOptions"/> (or at least <c>abortConnect=false</c>) so
    /// the application starts and recovers while Redis is down.
    /// </param>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="logger">Where outages are reported; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RedisQuotaStore(IConnectionMultiplexer connection, RedisQuotaStoreOptions options, ILogger? logger = null)
        : this(connection, options, logger, ownsConnection: false)
    {
    }

    internal RedisQuotaStore(IConnectionMultiplexer connection, RedisQuotaStoreOptions options, ILogger? logger, bool ownsConnection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _connection = connection;
        _options = options.Clone();
        _keys = new RedisQuotaKeys(_options.KeyPrefix, _options.HashTag);
        _outages = new RedisOutageMonitor(logger ?? NullLogger.Instance, _options.FailureMode);
        _ownsConnection = ownsConnection;
        ServerClockOffset = _options.ServerClockOffsetForTesting;
    }

    /// <summary>Tests only: the shift added to the server's <c>TIME</c> inside the scripts.</summary>
    internal TimeSpan ServerClockOffset { get; set; }

    /// <summary>
    /// Client settings for a quota store: <c>abortConnect=false</c> (start and reconnect while Redis is down) and the
    /// connect and operation timeouts of <paramref name="options"/>, on top of a StackExchange.Redis configuration string.
    /// </summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>localhost:6379</c>.</param>
    /// <param name="options">The store settings whose timeouts apply.</param>
    public static ConfigurationOptions CreateConnectionOptions(string configuration, RedisQuotaStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        config.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        config.AsyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        return config;
    }

    /// <summary>Connects to Redis and creates a store that owns (and disposes) the connection.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>localhost:6379</c>.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where outages are reported.</param>
    /// <returns>The store; it is usable even if Redis is down right now (the failure mode applies until it is up).</returns>
    public static async Task<RedisQuotaStore> ConnectAsync(string configuration, RedisQuotaStoreOptions? options = null, ILogger? logger = null)
    {
        options ??= new RedisQuotaStoreOptions();
        var connection = await ConnectionMultiplexer.ConnectAsync(CreateConnectionOptions(configuration, options)).ConfigureAwait(false);
        return new RedisQuotaStore(connection, options, logger, ownsConnection: true);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One script checks every counter's block marker and window and takes a permit from each, or none. A refusal names
    /// the first counter (in the given order) that refused and when it frees up. <paramref name="now"/> does not affect
    /// the count (the server's clock does). When Redis is unreachable, <see cref="RedisQuotaStoreOptions.FailureMode"/> decides.
    /// Cancelling after the script was sent may leave its permits taken: the caller is never granted more, only less.
    /// </remarks>
    public async ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (counters.Count == 0)
        {
            return QuotaAcquireResult.Granted();
        }

        var keys = new RedisKey[counters.Count * 2];
        var args = new RedisValue[3 + (counters.Count * 3)];
        args[0] = OffsetMilliseconds();
        args[1] = MarginMilliseconds();
        args[2] = counters.Count;
        for (var i = 0; i < counters.Count; i++)
        {
            var counter = counters[i];
            var (kind, period) = Describe(counter, nameof(counters));
            var names = _keys.For(counter);
            keys[2 * i] = names.Count;
            keys[(2 * i) + 1] = names.Block;
            args[3 + (3 * i)] = kind;
            args[4 + (3 * i)] = Math.Max(counter.Limit, 0);
            args[5 + (3 * i)] = period;
        }

        RedisResult result;
        try
        {
            // EvaluateAsync written out: the hot path awaits the one Redis call in this method's own state machine.
            cancellationToken.ThrowIfCancellationRequested();
            var database = _connection.GetDatabase(_options.Database);
            try
            {
                result = await database.ScriptEvaluateAsync(RedisQuotaScript.Acquire.Sha1, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RedisServerException ex) when (RedisQuotaScript.IsNoScript(ex))
            {
                result = await database.ScriptEvaluateAsync(RedisQuotaScript.Acquire.Text, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            _outages.Succeeded(now);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            _outages.Failed("acquire", ex, now);
            return _options.FailureMode switch
            {
                RedisFailureMode.FailOpen => Decided("acquire", RedisQuotaStoreMetrics.Granted, QuotaAcquireResult.Granted()),
                RedisFailureMode.FallbackToLocal => await Decided("acquire", RedisQuotaStoreMetrics.Local, _options.FallbackStore!)
                    .TryAcquireAsync(counters, now, cancellationToken).ConfigureAwait(false),
                _ => Decided("acquire", RedisQuotaStoreMetrics.Refused, QuotaAcquireResult.Refused(counters[0], QuotaRefusalReason.StoreUnavailable, retryAt: null)),
            };
        }

        var values = (RedisResult[])result!;
        if ((long)values[0] == 1)
        {
            return QuotaAcquireResult.Granted((int)Math.Max((long)values[1], 0));
        }

        var serverNow = (long)values[4];
        var freesAt = (long)values[3];
        return QuotaAcquireResult.Refused(
            counters[(int)(long)values[1] - 1],
            (long)values[2] == 2 ? QuotaRefusalReason.BlockedByServer : QuotaRefusalReason.LimitReached,
            freesAt < 0 ? null : OnCallerClock(freesAt, serverNow, now));
    }

    /// <inheritdoc />
    /// <remarks>
    /// The time since the acquire is measured on the caller's clock (<c>now − acquiredAt</c>) and subtracted from the
    /// server's clock to find the window the permit was taken in; a calendar-day or fixed permit is given back only when
    /// that window is still current, a rolling permit only while it is still inside the rolling window. While Redis is
    /// unreachable the permit stays taken (or, with <see cref="RedisFailureMode.FallbackToLocal"/>, the fallback store is told).
    /// </remarks>
    public async ValueTask ReleaseAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        if (counters.Count == 0)
        {
            return;
        }

        var keys = new RedisKey[counters.Count];
        var args = new RedisValue[3 + (counters.Count * 2)];
        args[0] = OffsetMilliseconds();
        args[1] = Math.Max((long)(now - acquiredAt).TotalMilliseconds, 0);
        args[2] = counters.Count;
        for (var i = 0; i < counters.Count; i++)
        {
            var (kind, period) = Describe(counters[i], nameof(counters));
            keys[i] = _keys.Count(counters[i]);
            args[3 + (2 * i)] = kind;
            args[4 + (2 * i)] = period;
        }

        try
        {
            await EvaluateAsync(RedisQuotaScript.Release, keys, args, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            _outages.Failed("release", ex, now);
            if (await FallbackFor("release", cancellationToken) is { } local)
            {
                await local.ReleaseAsync(counters, acquiredAt, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The block lasts <c>until − now</c> on the server's clock and is seen by every instance sharing the store. For a
    /// calendar-day counter blocked until a UTC midnight of the caller's clock, the block ends at the nearest UTC midnight
    /// of the server's clock instead, so an instance whose clock is a few minutes off still blocks until the real end
    /// of the day. A longer block already in force is kept. While Redis is unreachable the block is dropped (or, with
    /// <see cref="RedisFailureMode.FallbackToLocal"/>, kept by the fallback store).
    /// </remarks>
    public async ValueTask BlockAsync(QuotaCounter counter, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Describe(counter, nameof(counter));
        var length = (long)Math.Ceiling((until - now).TotalMilliseconds);
        if (length <= 0)
        {
            return;
        }

        var endsAtMidnight = counter.Policy.Window == QuotaWindowKind.CalendarDayUtc && until.UtcTicks % TimeSpan.TicksPerDay == 0;
        // A calendar-day or fixed count keeps its block in its own hash (read by the acquire's one HMGET).
        var inCount = counter.Policy.Window != QuotaWindowKind.Rolling;
        var names = _keys.For(counter);
        RedisValue[] args = [OffsetMilliseconds(), length, endsAtMidnight ? "1" : "0", inCount ? "1" : "0"];
        try
        {
            await EvaluateAsync(RedisQuotaScript.Block, [inCount ? names.Count : names.Block], args, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            _outages.Failed("block", ex, now);
            if (await FallbackFor("block", cancellationToken) is { } local)
            {
                await local.BlockAsync(counter, until, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Raises the shared count of the current window (server clock) to <c>limit − remaining</c> when it is lower; never
    /// lowers it. A negative <paramref name="remaining"/> counts as 0. While Redis is unreachable the report is dropped
    /// (or, with <see cref="RedisFailureMode.FallbackToLocal"/>, given to the fallback store).
    /// </remarks>
    public async ValueTask ReportRemainingAsync(QuotaCounter counter, int remaining, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (kind, period) = Describe(counter, nameof(counter));
        if (remaining >= counter.Limit)
        {
            return;
        }

        RedisValue[] args = [OffsetMilliseconds(), MarginMilliseconds(), kind, Math.Max(counter.Limit, 0), period, Math.Max(remaining, 0)];
        try
        {
            await EvaluateAsync(RedisQuotaScript.Report, [_keys.Count(counter)], args, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            _outages.Failed("report", ex, now);
            if (await FallbackFor("report", cancellationToken) is { } local)
            {
                await local.ReportRemainingAsync(counter, remaining, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Times are on the caller's clock (see the class remarks). While Redis is unreachable the fallback store answers
    /// with <see cref="RedisFailureMode.FallbackToLocal"/>; otherwise this throws <see cref="RedisQuotaStoreUnavailableException"/>.
    /// </remarks>
    /// <exception cref="RedisQuotaStoreUnavailableException">Redis is unreachable and no fallback store is configured.</exception>
    public async ValueTask<QuotaStatus> GetStatusAsync(QuotaCounter counter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (kind, period) = Describe(counter, nameof(counter));
        RedisValue[] args = [OffsetMilliseconds(), kind, period];
        RedisResult result;
        try
        {
            var names = _keys.For(counter);
            result = await EvaluateAsync(RedisQuotaScript.Status, [names.Count, names.Block], args, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            _outages.Failed("status", ex, now);
            if (await FallbackFor("status", cancellationToken) is { } local)
            {
                return await local.GetStatusAsync(counter, now, cancellationToken).ConfigureAwait(false);
            }

            throw new RedisQuotaStoreUnavailableException(
                $"The quota status of '{counter.Policy.Name}' cannot be read: Redis is unreachable and the failure mode is {_options.FailureMode}.", ex);
        }

        var values = (RedisResult[])result!;
        var used = (int)(long)values[0];
        var serverNow = (long)values[3];
        var blockedUntil = (long)values[2];
        return new QuotaStatus(
            used,
            Math.Max(counter.Limit - used, 0),
            OnCallerClock((long)values[1], serverNow, now),
            blockedUntil < 0 ? null : OnCallerClock(blockedUntil, serverNow, now));
    }

    /// <summary>Closes the connection when the store opened it (<see cref="ConnectAsync"/> or DI); otherwise does nothing.</summary>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    // The errors that mean "Redis cannot answer right now". Anything else (a wrong key type, a script error) is a bug and is thrown.
    private static bool IsUnavailable(Exception ex) => ex switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal)
            || server.Message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || server.Message.StartsWith("BUSY", StringComparison.Ordinal),
        _ => false,
    };

    private static DateTimeOffset OnCallerClock(long serverInstant, long serverNow, DateTimeOffset now) =>
        now + TimeSpan.FromMilliseconds(serverInstant - serverNow);

    // The script's window kind code and period in milliseconds; a counter the store cannot count is the caller's bug.
    private static (string Kind, long Period) Describe(QuotaCounter counter, string parameterName)
    {
        if (counter.Policy is null)
        {
            throw new ArgumentException("A quota counter has no policy.", parameterName);
        }

        if (counter.Policy.Window == QuotaWindowKind.CalendarDayUtc)
        {
            return ("d", DayMilliseconds);
        }

        var period = (long)counter.Policy.Period.TotalMilliseconds;
        if (period < 1)
        {
            throw new ArgumentException($"Quota policy '{counter.Policy.Name}' has a {counter.Policy.Window} window of {counter.Policy.Period}; it needs a period of at least 1 ms.", parameterName);
        }

        return counter.Policy.Window switch
        {
            QuotaWindowKind.Fixed => ("f", period),
            QuotaWindowKind.Rolling => ("r", period),
            _ => throw new ArgumentException($"Quota policy '{counter.Policy.Name}' has an unknown window kind {(int)counter.Policy.Window}.", parameterName),
        };
    }

    private async Task<RedisResult> EvaluateAsync(RedisQuotaScript script, RedisKey[] keys, RedisValue[] args, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = _connection.GetDatabase(_options.Database);
        RedisResult result;
        try
        {
            result = await database.ScriptEvaluateAsync(script.Sha1, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (RedisQuotaScript.IsNoScript(ex))
        {
            // First use, restart or SCRIPT FLUSH: EVAL sends the text once and caches it on the server.
            result = await database.ScriptEvaluateAsync(script.Text, keys, args).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        _outages.Succeeded(now);
        return result;
    }

    private long OffsetMilliseconds() => (long)ServerClockOffset.TotalMilliseconds;

    private long MarginMilliseconds() => (long)_options.ExpiryMargin.TotalMilliseconds;

    private T Decided<T>(string operation, string decision, T outcome)
    {
        RedisQuotaStoreMetrics.FailureDecisions.Add(
            1,
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.StoreTag, "redis"),
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.OperationTag, operation),
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.ModeTag, _options.FailureMode.ToString()),
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.DecisionTag, decision));
        return outcome;
    }

    // For calls other than acquire: the fallback store in FallbackToLocal mode, else null (the call is dropped or, for status, thrown).
    private ValueTask<IQuotaStore?> FallbackFor(string operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_options.FailureMode == RedisFailureMode.FallbackToLocal)
        {
            return ValueTask.FromResult(Decided<IQuotaStore?>(operation, RedisQuotaStoreMetrics.Local, _options.FallbackStore));
        }

        var decision = operation == "status" ? RedisQuotaStoreMetrics.Thrown : RedisQuotaStoreMetrics.Dropped;
        return ValueTask.FromResult(Decided<IQuotaStore?>(operation, decision, null));
    }
}
