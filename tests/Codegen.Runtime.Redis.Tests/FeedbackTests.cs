using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis.Tests.Infrastructure;

namespace Codegen.Runtime.Redis.Tests;

/// <summary>What the API server tells one instance (blocks, remaining counts) and given-back permits reach every instance.</summary>
[Collection("redis")]
public sealed class FeedbackTests(RedisFixture redis)
{
    [RedisFact]
    public async Task ADailyLimitBlockSetByOneInstanceIsHonouredByAnother()
    {
        var prefix = TestRedis.NewPrefix();
        var first = await redis.StoreAsync(prefix);
        var second = await redis.StoreAsync(prefix);
        var server = await TestRedis.ServerTimeAsync(await redis.ConnectAsync());
        var midnight = new DateTimeOffset(server.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var offset = await TestRedis.OffsetToAsync(await redis.ConnectAsync(), midnight.AddHours(-4)); // server at 20:00
        first.ServerClockOffset = second.ServerClockOffset = offset;
        var firstNow = midnight.AddHours(-4).AddMinutes(5);   // the first instance's clock is 5 minutes fast
        var secondNow = midnight.AddHours(-4).AddMinutes(-5); // the second one's is 5 minutes slow
        var host = TestRedis.Daily("host@example.com");

        // The first instance saw Zoom's daily-limit 429 and blocks the host until the next 00:00 UTC of its own clock.
        await first.BlockAsync(host, midnight, firstNow);

        var refused = await second.TryAcquireAsync([host], secondNow);
        Assert.False(refused.Acquired);
        Assert.Equal(QuotaRefusalReason.BlockedByServer, refused.Reason);
        TestRedis.AssertNear(TimeSpan.FromHours(4), refused.RetryAt!.Value - secondNow); // until the server's midnight
        var status = await second.GetStatusAsync(host, secondNow);
        TestRedis.AssertNear(TimeSpan.FromHours(4), status.BlockedUntil!.Value - secondNow);
        Assert.True((await second.TryAcquireAsync([TestRedis.Daily("someone-else@example.com")], secondNow)).Acquired);

        // After the server's midnight the block is over for everyone.
        first.ServerClockOffset = second.ServerClockOffset = offset + TimeSpan.FromHours(4) + TimeSpan.FromSeconds(10);
        Assert.True((await second.TryAcquireAsync([host], secondNow)).Acquired);
        Assert.Null((await first.GetStatusAsync(host, firstNow)).BlockedUntil);
    }

    [RedisFact]
    public async Task AShorterBlockDoesNotShortenTheOneInForce()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var label = TestRedis.Fixed(TimeSpan.FromSeconds(1), limit: 20);
        var now = DateTimeOffset.UtcNow;

        await store.BlockAsync(label, now.AddMinutes(30), now);
        await store.BlockAsync(label, now.AddSeconds(5), now);

        var status = await store.GetStatusAsync(label, now);
        TestRedis.AssertNear(TimeSpan.FromMinutes(30), status.BlockedUntil!.Value - now);
    }

    [RedisFact]
    public async Task ReleaseGivesBackAPermitTakenInTheCurrentWindow()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 2);
        var rolling = TestRedis.Rolling(TimeSpan.FromHours(1), limit: 2);
        var acquiredAt = DateTimeOffset.UtcNow;
        Assert.True((await store.TryAcquireAsync([daily, rolling], acquiredAt)).Acquired);
        Assert.True((await store.TryAcquireAsync([daily, rolling], acquiredAt)).Acquired);

        await store.ReleaseAsync([daily, rolling], acquiredAt, acquiredAt);

        Assert.Equal(1, (await store.GetStatusAsync(daily, acquiredAt)).Used);
        Assert.Equal(1, (await store.GetStatusAsync(rolling, acquiredAt)).Used);
        Assert.True((await store.TryAcquireAsync([daily, rolling], acquiredAt)).Acquired);
    }

    [RedisFact]
    public async Task ReleaseDoesNotGiveBackAPermitWhoseWindowHasEnded()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var connection = await redis.ConnectAsync();
        var server = await TestRedis.ServerTimeAsync(connection);
        var midnight = new DateTimeOffset(server.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var daily = TestRedis.Daily(limit: 5);
        var acquiredAt = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero); // the instance's clock, unrelated to the server's

        store.ServerClockOffset = await TestRedis.OffsetToAsync(connection, midnight.AddMinutes(-1));
        Assert.True((await store.TryAcquireAsync([daily], acquiredAt)).Acquired);

        store.ServerClockOffset = await TestRedis.OffsetToAsync(connection, midnight.AddMinutes(1));
        Assert.True((await store.TryAcquireAsync([daily], acquiredAt.AddMinutes(2))).Acquired);
        await store.ReleaseAsync([daily], acquiredAt, acquiredAt.AddMinutes(2)); // taken two minutes ago: yesterday on the server

        Assert.Equal(1, (await store.GetStatusAsync(daily, acquiredAt.AddMinutes(2))).Used);
    }

    [RedisFact]
    public async Task ReportedRemainingRaisesTheCountButNeverLowersIt()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var daily = TestRedis.Daily(limit: 100);
        var rolling = TestRedis.Rolling(TimeSpan.FromHours(1), limit: 10);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await store.TryAcquireAsync([daily, rolling], now)).Acquired);
        }

        await store.ReportRemainingAsync(daily, 90, now);
        await store.ReportRemainingAsync(rolling, 4, now);
        Assert.Equal(10, (await store.GetStatusAsync(daily, now)).Used);
        Assert.Equal(6, (await store.GetStatusAsync(rolling, now)).Used);

        await store.ReportRemainingAsync(daily, 95, now);
        Assert.Equal(10, (await store.GetStatusAsync(daily, now)).Used);

        await store.ReportRemainingAsync(daily, 0, now);
        var status = await store.GetStatusAsync(daily, now);
        Assert.Equal(100, status.Used);
        Assert.Equal(0, status.Remaining);
        Assert.False((await store.TryAcquireAsync([daily], now)).Acquired);
    }

    [RedisFact]
    public async Task StatusReportsUsedRemainingAndTheServersWindowEndOnTheCallersClock()
    {
        var store = await redis.StoreAsync(TestRedis.NewPrefix());
        var connection = await redis.ConnectAsync();
        var server = await TestRedis.ServerTimeAsync(connection);
        var midnight = new DateTimeOffset(server.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        store.ServerClockOffset = await TestRedis.OffsetToAsync(connection, midnight.AddHours(-2));
        var daily = TestRedis.Daily(limit: 100);
        var callerNow = new DateTimeOffset(2031, 6, 1, 8, 0, 0, TimeSpan.FromHours(2)); // any clock, any zone

        var empty = await store.GetStatusAsync(daily, callerNow);
        Assert.Equal((0, 100, (DateTimeOffset?)null), (empty.Used, empty.Remaining, empty.BlockedUntil));

        await store.TryAcquireAsync([daily], callerNow);
        await store.TryAcquireAsync([daily], callerNow);
        var status = await store.GetStatusAsync(daily, callerNow);

        Assert.Equal(2, status.Used);
        Assert.Equal(98, status.Remaining);
        TestRedis.AssertNear(TimeSpan.FromHours(2), status.WindowEndsAt - callerNow);
        Assert.Null(status.BlockedUntil);
    }
}
