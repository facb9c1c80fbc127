using Codegen.Runtime.Quotas;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis.Tests.Infrastructure;

/// <summary>
/// One Redis for the tests of the "redis" collection: the server named by CODEGEN_REDIS, or our own redis-server.
/// Each test writes under its own key prefix, so tests never see each other's counts.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<IConnectionMultiplexer> _connections = [];
    private RedisServer? _server;
    private string? _endpoint;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The endpoint (host:port), starting our own server on first use.</summary>
    public async Task<string> EndpointAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_endpoint is null)
            {
                var configured = Environment.GetEnvironmentVariable("CODEGEN_REDIS");
                if (!string.IsNullOrWhiteSpace(configured))
                {
                    _endpoint = configured.Trim();
                }
                else
                {
                    _server = await RedisServer.StartAsync();
                    _endpoint = _server.Endpoint;
                }
            }

            return _endpoint;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new connection (each store instance gets its own, like separate application instances).</summary>
    public async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var connection = await TestRedis.ConnectAsync(await EndpointAsync());
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return connection;
    }

    /// <summary>A store on a new connection.</summary>
    public async Task<RedisQuotaStore> StoreAsync(string prefix, TimeSpan serverClockOffset = default)
    {
        var options = TestRedis.Options(prefix);
        options.ServerClockOffsetForTesting = serverClockOffset;
        return new RedisQuotaStore(await ConnectAsync(), options);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition("redis")]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
}

/// <summary>Shared helpers: connections, options, counters, and the server's clock.</summary>
internal static class TestRedis
{
    public static string NewPrefix() => $"test:{Guid.NewGuid():N}:";

    public static RedisQuotaStoreOptions Options(string prefix) => new()
    {
        KeyPrefix = prefix,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        OperationTimeout = TimeSpan.FromSeconds(1),
    };

    public static async Task<IConnectionMultiplexer> ConnectAsync(string endpoint, RedisQuotaStoreOptions? options = null)
    {
        var config = RedisQuotaStore.CreateConnectionOptions(endpoint, options ?? Options("unused:"));
        config.AllowAdmin = true; // tests read TIME and flush the script cache
        return await ConnectionMultiplexer.ConnectAsync(config);
    }

    /// <summary>The Redis server's own clock (UTC).</summary>
    public static async Task<DateTimeOffset> ServerTimeAsync(IConnectionMultiplexer connection)
    {
        var time = await connection.GetServer(connection.GetEndPoints()[0]).TimeAsync();
        return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
    }

    /// <summary>The offset that makes the scripts see <paramref name="target"/> as the server time right now.</summary>
    public static async Task<TimeSpan> OffsetToAsync(IConnectionMultiplexer connection, DateTimeOffset target) =>
        target - await ServerTimeAsync(connection);

    public static QuotaCounter Daily(string partition = "user-1", int limit = 100, string name = "meeting-create-update") =>
        new(new QuotaPolicy { Name = name, PermitLimit = limit, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "userId" }, partition, limit);

    public static QuotaCounter Fixed(TimeSpan period, int limit, string name = "rate-limit:Medium") =>
        new(new QuotaPolicy { Name = name, PermitLimit = limit, Window = QuotaWindowKind.Fixed, Period = period }, "", limit);

    public static QuotaCounter Rolling(TimeSpan period, int limit, string name = "rolling") =>
        new(new QuotaPolicy { Name = name, PermitLimit = limit, Window = QuotaWindowKind.Rolling, Period = period }, "", limit);

    /// <summary>
    /// A length measured across two Redis calls: equal to <paramref name="expected"/> up to the few milliseconds the test
    /// itself takes between shifting the server clock and calling (generous, so a loaded machine cannot fail it).
    /// </summary>
    public static void AssertNear(TimeSpan expected, TimeSpan actual) =>
        Assert.True((actual - expected).Duration() <= TimeSpan.FromSeconds(5), $"expected about {expected}, got {actual}");

    public static async Task<int> AcquireConcurrentlyAsync(IQuotaStore store, IReadOnlyList<QuotaCounter> counters, int callers, DateTimeOffset now)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return (await store.TryAcquireAsync(counters, now)).Acquired;
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(tasks);
        return results.Count(granted => granted);
    }
}
