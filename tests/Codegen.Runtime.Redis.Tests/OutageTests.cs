using Codegen.Runtime.Diagnostics;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis.Tests;

/// <summary>
/// Redis is killed mid-run and started again on the same port; the same store instance must follow its failure mode
/// while Redis is down and use Redis again when it is back. Each test owns its server (no CODEGEN_REDIS).
/// </summary>
[Collection("redis-outage")]
public sealed class OutageTests
{
    [RedisFact(NeedsOwnServer = true)]
    public async Task FailClosedRefusesWithStoreUnavailableWhileRedisIsDownAndRecoversWithoutARestart()
    {
        await using var run = await OutageRun.StartAsync(RedisFailureMode.FailClosed);
        Assert.True((await run.AcquireAsync()).Acquired);

        await run.Server.StopAsync();
        var first = await run.AcquireAsync();
        var second = await run.AcquireAsync();

        foreach (var refused in new[] { first, second })
        {
            Assert.False(refused.Acquired);
            Assert.Equal(QuotaRefusalReason.StoreUnavailable, refused.Reason);
            Assert.Equal(run.Counter, refused.RefusedBy);
        }

        var statusError = await Assert.ThrowsAsync<RedisQuotaStoreUnavailableException>(async () => await run.Store.GetStatusAsync(run.Counter, DateTimeOffset.UtcNow));
        Assert.Contains("unreachable", statusError.Message);
        await run.Store.BlockAsync(run.Counter, DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow); // dropped, never thrown
        Assert.Equal(4, run.Failures());
        Assert.Equal(2, run.Decisions("acquire", "refused"));
        Assert.Equal(1, run.Decisions("block", "dropped"));

        await run.RestartAndReconnectAsync();
        Assert.True((await run.AcquireAsync()).Acquired);
        run.AssertOutageLoggedOnce();
    }

    [RedisFact(NeedsOwnServer = true)]
    public async Task FailOpenGrantsWhileRedisIsDownAndCountsAgainWhenItIsBack()
    {
        await using var run = await OutageRun.StartAsync(RedisFailureMode.FailOpen, limit: 2);
        Assert.True((await run.AcquireAsync()).Acquired);

        await run.Server.StopAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await run.AcquireAsync()).Acquired); // more than the limit: availability was chosen over exactness
        }

        Assert.Equal(3, run.Decisions("acquire", "granted"));

        await run.RestartAndReconnectAsync();
        Assert.True((await run.AcquireAsync()).Acquired);
        Assert.True((await run.AcquireAsync()).Acquired);
        Assert.False((await run.AcquireAsync()).Acquired); // Redis counts again (it restarted empty)
        run.AssertOutageLoggedOnce();
    }

    [RedisFact(NeedsOwnServer = true)]
    public async Task FallbackToLocalAnswersFromTheLocalStoreWhileRedisIsDown()
    {
        var local = new RecordingLocalStore();
        await using var run = await OutageRun.StartAsync(RedisFailureMode.FallbackToLocal, fallback: local);
        var beforeOutage = await run.AcquireAsync();
        Assert.True(beforeOutage.Acquired);
        Assert.NotEqual(RecordingLocalStore.RecognisableRemaining, beforeOutage.Remaining);
        Assert.Empty(local.Calls);

        await run.Server.StopAsync();
        var during = await run.AcquireAsync();
        var status = await run.Store.GetStatusAsync(run.Counter, DateTimeOffset.UtcNow);
        await run.Store.BlockAsync(run.Counter, DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow);

        Assert.Equal(RecordingLocalStore.RecognisableRemaining, during.Remaining);
        Assert.Equal(RecordingLocalStore.RecognisableRemaining, status.Remaining);
        Assert.Equal(["acquire", "status", "block"], local.Calls);
        Assert.Equal(1, run.Decisions("acquire", "local"));

        await run.RestartAndReconnectAsync();
        var after = await run.AcquireAsync();
        Assert.True(after.Acquired);
        Assert.NotEqual(RecordingLocalStore.RecognisableRemaining, after.Remaining);
        Assert.Equal(3, local.Calls.Count); // Redis answers again
        run.AssertOutageLoggedOnce();
    }

    /// <summary>One store on its own killable server, with its log and its meter readings.</summary>
    private sealed class OutageRun : IAsyncDisposable
    {
        private readonly MetricCollector<long> _failures = new(CodegenTelemetry.Meter, "codegen.quota.store.failures");
        private readonly MetricCollector<long> _decisions = new(CodegenTelemetry.Meter, "codegen.quota.store.failure_decisions");

        private OutageRun(RedisServer server, IConnectionMultiplexer connection, RedisQuotaStore store, FakeLogger logger, QuotaCounter counter)
        {
            Server = server;
            Connection = connection;
            Store = store;
            Logger = logger;
            Counter = counter;
        }

        public RedisServer Server { get; }

        public IConnectionMultiplexer Connection { get; }

        public RedisQuotaStore Store { get; }

        public FakeLogger Logger { get; }

        public QuotaCounter Counter { get; }

        public static async Task<OutageRun> StartAsync(RedisFailureMode mode, int limit = 100, IQuotaStore? fallback = null)
        {
            var server = await RedisServer.StartAsync();
            var options = TestRedis.Options(TestRedis.NewPrefix());
            options.FailureMode = mode;
            options.FallbackStore = fallback;
            var connection = await TestRedis.ConnectAsync(server.Endpoint, options);
            var logger = new FakeLogger();
            return new OutageRun(server, connection, new RedisQuotaStore(connection, options, logger), logger, TestRedis.Daily(limit: limit));
        }

        public async Task<QuotaAcquireResult> AcquireAsync() => await Store.TryAcquireAsync([Counter], DateTimeOffset.UtcNow);

        public long Failures() => _failures.GetMeasurementSnapshot().Sum(m => m.Value);

        public long Decisions(string operation, string decision) => _decisions.GetMeasurementSnapshot()
            .Where(m => Equals(m.Tags["codegen.quota.operation"], operation) && Equals(m.Tags["codegen.quota.decision"], decision))
            .Sum(m => m.Value);

        /// <summary>Starts the server again on the same port and waits (event, not polling) until the client reconnected.</summary>
        public async Task RestartAndReconnectAsync()
        {
            var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Connection.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive)
                {
                    restored.TrySetResult();
                }
            };
            await Server.RestartAsync();
            await restored.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        public void AssertOutageLoggedOnce()
        {
            var records = Logger.Collector.GetSnapshot().ToList();
            var warning = Assert.Single(records, r => r.Level == LogLevel.Warning);
            Assert.Contains("unreachable", warning.Message);
            var recovered = Assert.Single(records, r => r.Level == LogLevel.Information);
            Assert.Contains("reachable again", recovered.Message);
            Assert.True(records.IndexOf(warning) < records.IndexOf(recovered));
        }

        public async ValueTask DisposeAsync()
        {
            _failures.Dispose();
            _decisions.Dispose();
            await Connection.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
