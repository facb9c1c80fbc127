using System.Diagnostics;
using Codegen.Runtime.Redis.Tests.Infrastructure;

namespace Codegen.Runtime.Redis.Tests;

[Collection("redis")]
public sealed class ConcurrencyTests(RedisFixture redis)
{
    [RedisFact]
    public async Task FourProcessesOfOneHundredConcurrentAcquirersGetExactlyTheLimitTogether()
    {
        var endpoint = await redis.EndpointAsync();
        var prefix = TestRedis.NewPrefix();
        var workers = Enumerable.Range(0, 4).Select(_ => StartWorker(endpoint, prefix, callers: 100, limit: 100)).ToList();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync(deadline.Token));
            }

            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync(deadline.Token);
            }

            var granted = new List<int>();
            foreach (var worker in workers)
            {
                var line = await worker.StandardOutput.ReadLineAsync(deadline.Token);
                await worker.WaitForExitAsync(deadline.Token);
                Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {await worker.StandardError.ReadToEndAsync(deadline.Token)}");
                Assert.StartsWith("granted ", line);
                granted.Add(int.Parse(line!["granted ".Length..]));
            }

            Assert.Equal(100, granted.Sum());
            var store = await redis.StoreAsync(prefix);
            var status = await store.GetStatusAsync(TestRedis.Daily(limit: 100), DateTimeOffset.UtcNow);
            Assert.Equal(100, status.Used);
            Assert.Equal(0, status.Remaining);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }
    }

    [RedisFact]
    public async Task ConcurrentAcquirersOnTwoConnectionsNeverExceedTheLimit()
    {
        var prefix = TestRedis.NewPrefix();
        var first = await redis.StoreAsync(prefix);
        var second = await redis.StoreAsync(prefix);
        var counters = new[] { TestRedis.Daily(limit: 50), TestRedis.Fixed(TimeSpan.FromHours(1), limit: 1000) };

        var granted = await Task.WhenAll(
            TestRedis.AcquireConcurrentlyAsync(first, counters, 100, DateTimeOffset.UtcNow),
            TestRedis.AcquireConcurrentlyAsync(second, counters, 100, DateTimeOffset.UtcNow));

        Assert.Equal(50, granted.Sum());
        Assert.Equal(50, (await first.GetStatusAsync(counters[1], DateTimeOffset.UtcNow)).Used);
    }

    private static Process StartWorker(string endpoint, string prefix, int callers, int limit)
    {
        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in new[] { Program.WorkerCommand, endpoint, callers.ToString(), prefix, limit.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The acquire worker did not start.");
    }

    // The test host may be 'testhost', not 'dotnet': prefer the SDK's DOTNET_HOST_PATH, then our own process, then PATH.
    private static string DotnetExecutable()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } processPath && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, name)))
            {
                return Path.Combine(folder, name);
            }
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, name)))
        {
            return Path.Combine(root, name);
        }

        throw new InvalidOperationException("Cannot find the dotnet executable: set DOTNET_HOST_PATH or put dotnet on PATH.");
    }
}
