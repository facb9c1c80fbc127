using Codegen.EndToEnd.Tests.Zoom;
using Codegen.Runtime.Redis.Tests.Infrastructure;
using Xunit;
using ZoomMeetings.Running;

namespace Codegen.EndToEnd.Tests.Sample;

/// <summary>The sample's --quota-store choices keep the host's daily count across runs (processes).</summary>
public sealed class SampleQuotaStoreTests
{
    [Fact]
    public async Task TwoRunsOfTheSampleShareTheHostsDailyCountThroughASqliteFile()
    {
        using var folder = new TempFolder();
        var store = "sqlite:" + folder.File("quotas.db");
        await using var world = await ZoomWorld.StartAsync();

        var first = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", store);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", store, "--count", "2");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("99 of 100 create/update calls left", first.Stdout);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("97 of 100 create/update calls left", second.Stdout);
    }

    [Fact]
    public async Task ASqliteStoreThatCannotBeCreatedIsAUsageErrorAndNothingIsSent()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.File("plain-file");
        await File.WriteAllTextAsync(notAFolder, "not a folder");
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", "sqlite:" + Path.Combine(notAFolder, "quotas.db"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("The quota store could not be used; nothing was sent", run.Stderr);
        Assert.True(world.NothingReceived);
    }

    [RedisFact(NeedsOwnServer = true)]
    public async Task TwoRunsOfTheSampleShareTheHostsDailyCountThroughRedis()
    {
        // Redis counts days on its own (real) clock: both runs fall on the same UTC day unless one straddles midnight.
        await using var redis = await RedisServer.StartAsync();
        await using var world = await ZoomWorld.StartAsync();
        var store = "redis:" + redis.Endpoint;

        var first = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", store);
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", store, "--count", "2");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("99 of 100 create/update calls left", first.Stdout);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("97 of 100 create/update calls left", second.Stdout);
    }

    [RedisFact(NeedsOwnServer = true)]
    public async Task AnUnreachableRedisStoreRefusesBeforeSendingAndExitsWith3()
    {
        // A server started and killed: its port is known to be closed now.
        var redis = await RedisServer.StartAsync();
        var endpoint = redis.Endpoint;
        await redis.DisposeAsync();
        await using var world = await ZoomWorld.StartAsync();

        var run = await SampleRun.RunAsync(world.Clock, world.Emulator, "--quota-store", "redis:" + endpoint);

        Assert.Equal(ExitCodes.QuotaExceeded, run.ExitCode);
        Assert.Contains("quota store is unavailable", run.Stderr);
        Assert.Equal(0, world.CreatesReceived);
    }
}
