using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis.Tests.Infrastructure;

namespace Codegen.Runtime.Redis.Tests;

[Collection("redis")]
public sealed class AcquireTests(RedisFixture redis)
{
    [RedisFact]
    public async Task AcquireTakesAPermitFromEveryCounterOrFromNone()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 100);
        var label = TestRedis.Fixed(TimeSpan.FromHours(1), limit: 2);
        var now = DateTimeOffset.UtcNow;

        Assert.True((await store.TryAcquireAsync([daily, label], now)).Acquired);
        Assert.True((await store.TryAcquireAsync([daily, label], now)).Acquired);
        var refused = await store.TryAcquireAsync([daily, label], now);

        Assert.False(refused.Acquired);
        Assert.Equal(label, refused.RefusedBy);
        Assert.Equal(QuotaRefusalReason.LimitReached, refused.Reason);
        Assert.NotNull(refused.RetryAt);
        Assert.Equal(2, (await store.GetStatusAsync(daily, now)).Used); // the daily count did not take the refused permit
    }

    [RedisFact]
    public async Task ABlockedSecondCounterLeavesTheFirstUntouched()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 100);
        var label = TestRedis.Fixed(TimeSpan.FromSeconds(1), limit: 20);
        var now = DateTimeOffset.UtcNow;

        await store.BlockAsync(label, now.AddMinutes(10), now);
        var refused = await store.TryAcquireAsync([daily, label], now);

        Assert.False(refused.Acquired);
        Assert.Equal(label, refused.RefusedBy);
        Assert.Equal(QuotaRefusalReason.BlockedByServer, refused.Reason);
        TestRedis.AssertNear(TimeSpan.FromMinutes(10), refused.RetryAt!.Value - now);
        Assert.Equal(0, (await store.GetStatusAsync(daily, now)).Used);
    }

    [RedisFact]
    public async Task GrantedResultsCountDownTheFirstCountersRemainingPermits()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 3);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(2, (await store.TryAcquireAsync([daily], now)).Remaining);
        Assert.Equal(1, (await store.TryAcquireAsync([daily], now)).Remaining);
        Assert.Equal(0, (await store.TryAcquireAsync([daily], now)).Remaining);
        Assert.False((await store.TryAcquireAsync([daily], now)).Acquired);
    }

    [RedisFact]
    public async Task ACounterListedTwiceInOneAcquireCannotOvershootItsLimit()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 3);
        var now = DateTimeOffset.UtcNow;

        Assert.True((await store.TryAcquireAsync([daily, daily], now)).Acquired);
        Assert.False((await store.TryAcquireAsync([daily, daily], now)).Acquired);
        Assert.Equal(2, (await store.GetStatusAsync(daily, now)).Used);
    }

    [RedisFact]
    public async Task PartitionsAndPoliciesCountSeparately()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var now = DateTimeOffset.UtcNow;

        Assert.True((await store.TryAcquireAsync([TestRedis.Daily("alice", limit: 1)], now)).Acquired);
        Assert.False((await store.TryAcquireAsync([TestRedis.Daily("alice", limit: 1)], now)).Acquired);
        Assert.True((await store.TryAcquireAsync([TestRedis.Daily("bob", limit: 1)], now)).Acquired);
        Assert.True((await store.TryAcquireAsync([TestRedis.Daily("alice", limit: 1, name: "other-policy")], now)).Acquired);
        Assert.True((await store.TryAcquireAsync([TestRedis.Daily("x|alice", limit: 1, name: "meeting-create-update")], now)).Acquired);
    }

    [RedisFact]
    public async Task AnAcquireCancelledBeforeItStartsTakesNothing()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 5);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TryAcquireAsync([daily], DateTimeOffset.UtcNow, cancelled.Token));
        Assert.Equal(0, (await store.GetStatusAsync(daily, DateTimeOffset.UtcNow)).Used);
    }

    [RedisFact]
    public async Task ACounterWithoutAUsablePeriodIsRejectedClearly()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var broken = TestRedis.Fixed(TimeSpan.Zero, limit: 5, name: "broken");

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryAcquireAsync([broken], DateTimeOffset.UtcNow));
        Assert.Contains("broken", error.Message);
    }

    [RedisFact]
    public async Task ScriptsAreSentAgainWhenTheServerForgotThem()
    {
        var connection = await redis.ConnectAsync();
        var store = new RedisQuotaStore(connection, TestRedis.Options(TestRedis.NewPrefix()));
        var daily = TestRedis.Daily(limit: 5);
        Assert.True((await store.TryAcquireAsync([daily], DateTimeOffset.UtcNow)).Acquired);

        await connection.GetServer(connection.GetEndPoints()[0]).ScriptFlushAsync();

        Assert.True((await store.TryAcquireAsync([daily], DateTimeOffset.UtcNow)).Acquired);
        Assert.Equal(2, (await store.GetStatusAsync(daily, DateTimeOffset.UtcNow)).Used);
    }
}
