using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis.Tests.Infrastructure;

namespace Codegen.Runtime.Redis.Tests;

/// <summary>
/// Windows follow the Redis server's clock. The server's clock cannot be moved, so these tests shift it as the scripts
/// see it (ServerClockOffsetForTesting, added to TIME inside the script) while each instance passes its own <c>now</c>.
/// </summary>
[Collection("redis")]
public sealed class ServerClockTests(RedisFixture redis)
{
    [RedisFact]
    public async Task InstanceClocksFiveMinutesApartGrantExactlyTheLimitAndResetOnceAtTheServersMidnight()
    {
        var prefix = TestRedis.NewPrefix();
        var ahead = await redis.StoreAsync(prefix);   // this instance's clock is 5 minutes fast
        var behind = await redis.StoreAsync(prefix);  // this one's is 5 minutes slow
        var serverDay = (await TestRedis.ServerTimeAsync(await redis.ConnectAsync())).UtcDateTime.Date;
        var midnight = new DateTimeOffset(serverDay.AddDays(1), TimeSpan.Zero);
        var counter = TestRedis.Daily(limit: 100);

        // Server at 23:57: the fast instance already believes it is 00:02 of the next day.
        var serverNow = midnight.AddMinutes(-3);
        await ShiftServerClockAsync(serverNow, ahead, behind);
        var aheadNow = serverNow.AddMinutes(5);
        var behindNow = serverNow.AddMinutes(-5);

        var granted = await Task.WhenAll(
            TestRedis.AcquireConcurrentlyAsync(ahead, [counter], 100, aheadNow),
            TestRedis.AcquireConcurrentlyAsync(behind, [counter], 100, behindNow));
        Assert.Equal(100, granted.Sum());

        // The fast instance's midnight has passed, the server's has not: no early reset.
        var refused = await ahead.TryAcquireAsync([counter], aheadNow);
        Assert.False(refused.Acquired);
        Assert.Equal(QuotaRefusalReason.LimitReached, refused.Reason);
        TestRedis.AssertNear(TimeSpan.FromMinutes(3), refused.RetryAt!.Value - aheadNow); // the server's midnight, on this instance's clock

        // Server at 00:00:30: the day starts afresh for both instances, exactly once.
        await ShiftServerClockAsync(midnight.AddSeconds(30), ahead, behind);
        granted = await Task.WhenAll(
            TestRedis.AcquireConcurrentlyAsync(ahead, [counter], 100, aheadNow.AddMinutes(3.5)),
            TestRedis.AcquireConcurrentlyAsync(behind, [counter], 100, behindNow.AddMinutes(3.5)));
        Assert.Equal(100, granted.Sum());

        // Server at 00:06: the slow instance's midnight passes now, but nothing resets again.
        await ShiftServerClockAsync(midnight.AddMinutes(6), ahead, behind);
        Assert.False((await behind.TryAcquireAsync([counter], midnight.AddMinutes(1))).Acquired);
        Assert.False((await ahead.TryAcquireAsync([counter], midnight.AddMinutes(11))).Acquired);
    }

    [RedisFact]
    public async Task InstanceNowValuesHaveNoEffectOnTheCount()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 3);
        var perHour = TestRedis.Fixed(TimeSpan.FromHours(1), limit: 3);
        DateTimeOffset[] clocks = [new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2099, 12, 31, 23, 59, 59, TimeSpan.Zero), DateTimeOffset.UtcNow.AddDays(-3)];

        foreach (var now in clocks)
        {
            Assert.True((await store.TryAcquireAsync([daily, perHour], now)).Acquired);
        }

        foreach (var now in clocks)
        {
            Assert.False((await store.TryAcquireAsync([daily], now)).Acquired);
            Assert.False((await store.TryAcquireAsync([perHour], now)).Acquired);
        }
    }

    [RedisFact]
    public async Task FixedWindowStartsAfreshAtTheNextPeriodBoundaryOfTheServerClock()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var serverNow = await TestRedis.ServerTimeAsync(await redis.ConnectAsync());
        var hourStart = new DateTimeOffset(serverNow.Year, serverNow.Month, serverNow.Day, serverNow.Hour, 0, 0, TimeSpan.Zero);
        var counter = TestRedis.Fixed(TimeSpan.FromHours(1), limit: 2);
        var now = DateTimeOffset.UtcNow;

        await ShiftServerClockAsync(hourStart.AddMinutes(50), store);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        var refused = await store.TryAcquireAsync([counter], now);
        Assert.False(refused.Acquired);
        TestRedis.AssertNear(TimeSpan.FromMinutes(10), refused.RetryAt!.Value - now);

        await ShiftServerClockAsync(hourStart.AddMinutes(61), store);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        Assert.Equal(1, (await store.GetStatusAsync(counter, now)).Used);
    }

    [RedisFact]
    public async Task RollingWindowFreesAPermitWhenItsOldestPermitLeaves()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var start = await TestRedis.ServerTimeAsync(await redis.ConnectAsync());
        var counter = TestRedis.Rolling(TimeSpan.FromHours(1), limit: 2);
        var now = DateTimeOffset.UtcNow;

        await ShiftServerClockAsync(start, store);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        await ShiftServerClockAsync(start.AddMinutes(30), store);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        var refused = await store.TryAcquireAsync([counter], now);
        Assert.False(refused.Acquired);
        TestRedis.AssertNear(TimeSpan.FromMinutes(30), refused.RetryAt!.Value - now); // when the first permit leaves

        await ShiftServerClockAsync(start.AddMinutes(61), store);
        Assert.True((await store.TryAcquireAsync([counter], now)).Acquired);
        Assert.False((await store.TryAcquireAsync([counter], now)).Acquired); // the 30-minute permit is still inside
        var status = await store.GetStatusAsync(counter, now);
        Assert.Equal(2, status.Used);
        TestRedis.AssertNear(TimeSpan.FromMinutes(29), status.WindowEndsAt - now);
    }

    private async Task ShiftServerClockAsync(DateTimeOffset serverTime, params RedisQuotaStore[] stores)
    {
        var offset = await TestRedis.OffsetToAsync(await redis.ConnectAsync(), serverTime);
        foreach (var store in stores)
        {
            store.ServerClockOffset = offset;
        }
    }
}
