using Codegen.Runtime.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace Codegen.Runtime.Redis.Tests;

[Collection("redis")]
public sealed class KeyTests(RedisFixture redis)
{
    [RedisFact]
    public async Task EveryKeyTheStoreWritesHasATimeToLive()
    {
        var prefix = TestRedis.NewPrefix();
        var connection = await redis.ConnectAsync();
        var store = new RedisQuotaStore(connection, TestRedis.Options(prefix));
        var daily = TestRedis.Daily("alice");
        var label = TestRedis.Fixed(TimeSpan.FromSeconds(1), limit: 20);
        var rolling = TestRedis.Rolling(TimeSpan.FromHours(24), limit: 10);
        var now = DateTimeOffset.UtcNow;

        await store.TryAcquireAsync([daily, label, rolling], now);
        await store.TryAcquireAsync([rolling], now);
        await store.ReleaseAsync([rolling], now, now);
        await store.ReportRemainingAsync(TestRedis.Daily("bob"), 50, now);
        await store.ReportRemainingAsync(TestRedis.Rolling(TimeSpan.FromHours(1), limit: 10, name: "reported"), 5, now);
        await store.BlockAsync(TestRedis.Daily("carol"), now.AddHours(1), now);

        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: new RedisQuotaKeys(prefix, "codegen").Pattern))
        {
            keys.Add(key);
        }

        Assert.Equal(6, keys.Count); // alice day, label fixed, rolling, bob day, reported rolling, carol day (its block)
        var database = connection.GetDatabase();
        foreach (var key in keys)
        {
            var ttl = await database.KeyTimeToLiveAsync(key);
            Assert.True(ttl is { } t && t > TimeSpan.Zero, $"key {key} has no time to live");
        }
    }

    [RedisFact]
    public async Task CountKeysExpireShortlyAfterTheirWindowOrWithTheirBlockWhenItLastsLonger()
    {
        var prefix = TestRedis.NewPrefix();
        var connection = await redis.ConnectAsync();
        var store = new RedisQuotaStore(connection, TestRedis.Options(prefix));
        var label = TestRedis.Fixed(TimeSpan.FromSeconds(1), limit: 20);
        var host = TestRedis.Daily("dave");
        var now = DateTimeOffset.UtcNow;
        var keys = new RedisQuotaKeys(prefix, "codegen");

        await store.TryAcquireAsync([label], now);
        await store.BlockAsync(host, now.AddMinutes(10), now);

        var labelTtl = await connection.GetDatabase().KeyTimeToLiveAsync(keys.Count(label));
        Assert.InRange(labelTtl!.Value, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(61)); // window end (< 1 s) + 1 minute margin
        var blockTtl = await connection.GetDatabase().KeyTimeToLiveAsync(keys.Count(host));
        TestRedis.AssertNear(TimeSpan.FromMinutes(10), blockTtl!.Value);

        // A count written while a block lasts (the server's remaining header) keeps the key as long as the block.
        await store.BlockAsync(label, now.AddMinutes(10), now);
        await store.ReportRemainingAsync(label, 5, now);
        var labelBlockedTtl = await connection.GetDatabase().KeyTimeToLiveAsync(keys.Count(label));
        TestRedis.AssertNear(TimeSpan.FromMinutes(10), labelBlockedTtl!.Value);
    }

    [RedisFact]
    public async Task AllKeysOfOneStoreShareOneClusterSlotUnderTheConfiguredPrefix()
    {
        var connection = await redis.ConnectAsync();
        var keys = new RedisQuotaKeys("app:quota:", "zoom");
        var daily = keys.Count(TestRedis.Daily("alice@example.com"));
        RedisKey[] all = [daily, keys.Block(TestRedis.Daily("bob@example.com")), keys.Count(TestRedis.Fixed(TimeSpan.FromSeconds(1), 20)), keys.Count(TestRedis.Rolling(TimeSpan.FromHours(1), 5))];

        Assert.Equal("app:quota:{zoom}:v2:meeting-create-update|alice@example.com:day", daily.ToString());
        Assert.All(all, key => Assert.StartsWith("app:quota:{zoom}:", key.ToString()));
        Assert.Single(all.Select(key => connection.HashSlot(key)).Distinct());
    }

    [RedisFact]
    public async Task KeysOfTheFirstFormatCannotChangeACountOrBlockIt()
    {
        var prefix = TestRedis.NewPrefix();
        var connection = await redis.ConnectAsync();
        var store = new RedisQuotaStore(connection, TestRedis.Options(prefix));
        var daily = TestRedis.Daily("erin", limit: 5);
        var serverNow = await TestRedis.ServerTimeAsync(connection);
        var day = serverNow.ToUnixTimeMilliseconds() / 86_400_000;
        var database = connection.GetDatabase();

        // What the first format (no version segment) left behind: a used-up count and a block marker beside it.
        var old = prefix + "{codegen}:meeting-create-update|erin";
        await database.HashSetAsync(old + ":day", [new HashEntry("w", day), new HashEntry("n", 5)]);
        await database.StringSetAsync(old + ":block", serverNow.AddHours(1).ToUnixTimeMilliseconds(), TimeSpan.FromHours(1));

        var granted = await store.TryAcquireAsync([daily], DateTimeOffset.UtcNow);

        Assert.True(granted.Acquired);
        Assert.Equal(4, granted.Remaining);
        Assert.Equal(1, (await store.GetStatusAsync(daily, DateTimeOffset.UtcNow)).Used);
    }
}
