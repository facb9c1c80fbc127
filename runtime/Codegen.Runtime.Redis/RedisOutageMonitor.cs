using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Redis;

/// <summary>
/// Turns many failed calls into one story per outage: a Warning when Redis first becomes unreachable, an Information
/// when a call succeeds again. It only remembers whether the last call failed; it never stops calls from reaching
/// Redis, so the store recovers by itself as soon as the connection is back.
/// </summary>
internal sealed class RedisOutageMonitor(ILogger logger, RedisFailureMode mode)
{
    private static readonly Action<ILogger, string, string, string, Exception?> OutageStarted = LoggerMessage.Define<string, string, string>(
        LogLevel.Warning,
        new EventId(1, "RedisQuotaStoreUnavailable"),
        "Redis quota store unreachable during {Operation} ({Error}); until it is back the failure mode {FailureMode} decides every quota call.");

    private static readonly Action<ILogger, TimeSpan, Exception?> OutageEnded = LoggerMessage.Define<TimeSpan>(
        LogLevel.Information,
        new EventId(2, "RedisQuotaStoreRecovered"),
        "Redis quota store reachable again after {OutageDuration}; quota calls use Redis again.");

    private readonly Lock _gate = new();
    private volatile bool _down;
    private DateTimeOffset _downSince;

    public bool IsDown => _down;

    public void Succeeded(DateTimeOffset now)
    {
        if (!_down)
        {
            return;
        }

        TimeSpan duration;
        lock (_gate)
        {
            if (!_down)
            {
                return;
            }

            _down = false;
            duration = now - _downSince;
        }

        OutageEnded(logger, duration < TimeSpan.Zero ? TimeSpan.Zero : duration, null);
    }

    public void Failed(string operation, Exception error, DateTimeOffset now)
    {
        RedisQuotaStoreMetrics.Failures.Add(
            1,
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.StoreTag, "redis"),
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.OperationTag, operation),
            new KeyValuePair<string, object?>(RedisQuotaStoreMetrics.ErrorTag, error.GetType().Name));

        if (_down)
        {
            return;
        }

        lock (_gate)
        {
            if (_down)
            {
                return;
            }

            _down = true;
            _downSince = now;
        }

        OutageStarted(logger, operation, error.GetType().Name + ": " + error.Message, mode.ToString(), null);
    }
}
