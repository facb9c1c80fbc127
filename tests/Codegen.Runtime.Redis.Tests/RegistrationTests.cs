using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Codegen.Runtime.Redis.Tests;

[Collection("redis")]
public sealed class RegistrationTests(RedisFixture redis)
{
    [RedisFact]
    public async Task AddRedisQuotaStoreReplacesTheRegisteredStoreAndCountsInRedis()
    {
        var prefix = TestRedis.NewPrefix();
        var services = new ServiceCollection();
        services.AddSingleton<IQuotaStore>(new RecordingLocalStore()); // stands for the default in-memory registration
        services.AddRedisQuotaStore(await redis.EndpointAsync(), options => options.KeyPrefix = prefix);

        await using var provider = services.BuildServiceProvider();
        var store = Assert.IsType<RedisQuotaStore>(provider.GetRequiredService<IQuotaStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IQuotaStore));

        var counter = TestRedis.Daily(limit: 1);
        Assert.True((await store.TryAcquireAsync([counter], DateTimeOffset.UtcNow)).Acquired);
        var other = await redis.StoreAsync(prefix);
        Assert.False((await other.TryAcquireAsync([counter], DateTimeOffset.UtcNow)).Acquired); // same Redis, same count
    }

    [Fact]
    public void AddRedisQuotaStoreRejectsInvalidOptionsWhenRegistering()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddRedisQuotaStore("127.0.0.1:6379", o => o.FailureMode = RedisFailureMode.FallbackToLocal));

        Assert.Contains("FallbackStore", error.Message);
        Assert.Empty(services);
    }

    [Fact]
    public void AddRedisQuotaStoreRejectsAnEmptyConfiguration()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddRedisQuotaStore(" "));
    }
}

public sealed class OptionsTests
{
    public static TheoryData<string, Action<RedisQuotaStoreOptions>> InvalidOptions => new()
    {
        { "KeyPrefix", o => o.KeyPrefix = "app:{x}:" },
        { "HashTag", o => o.HashTag = "" },
        { "HashTag", o => o.HashTag = "a}b" },
        { "Database", o => o.Database = -2 },
        { "FailureMode", o => o.FailureMode = (RedisFailureMode)42 },
        { "FallbackStore", o => o.FailureMode = RedisFailureMode.FallbackToLocal },
        { "ExpiryMargin", o => o.ExpiryMargin = TimeSpan.Zero },
        { "ConnectTimeout", o => o.ConnectTimeout = TimeSpan.FromSeconds(-1) },
        { "OperationTimeout", o => o.OperationTimeout = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void AnInvalidOptionIsNamedInTheError(string option, Action<RedisQuotaStoreOptions> spoil)
    {
        var options = new RedisQuotaStoreOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => RedisQuotaStore.CreateConnectionOptions("127.0.0.1:6379", options));

        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void ConnectionOptionsNeverAbortOnConnectFailAndUseTheConfiguredTimeouts()
    {
        var options = new RedisQuotaStoreOptions { ConnectTimeout = TimeSpan.FromMilliseconds(1500), OperationTimeout = TimeSpan.FromMilliseconds(700) };

        var config = RedisQuotaStore.CreateConnectionOptions("127.0.0.1:6379,abortConnect=true", options);

        Assert.False(config.AbortOnConnectFail);
        Assert.Equal(1500, config.ConnectTimeout);
        Assert.Equal(700, config.SyncTimeout);
        Assert.Equal(700, config.AsyncTimeout);
    }

    [Fact]
    public void DefaultsAreFailClosedUnderTheCodegenPrefix()
    {
        var options = new RedisQuotaStoreOptions();

        Assert.Equal(RedisFailureMode.FailClosed, options.FailureMode);
        Assert.Equal("codegen:quota:", options.KeyPrefix);
        Assert.Equal("codegen", options.HashTag);
    }
}
