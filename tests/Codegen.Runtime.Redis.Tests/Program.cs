using Codegen.Runtime.Redis.Tests.Infrastructure;

namespace Codegen.Runtime.Redis.Tests;

/// <summary>
/// The test assembly doubles as a worker process for the multi-process test:
/// <c>dotnet Codegen.Runtime.Redis.Tests.dll acquire-worker &lt;host:port&gt; &lt;callers&gt; &lt;key prefix&gt; &lt;limit&gt;</c>
/// connects its own store, prints <c>ready</c>, waits for a line on stdin (so all workers start together), runs the
/// callers concurrently on one daily key and prints <c>granted N</c>.
/// </summary>
public static class Program
{
    public const string WorkerCommand = "acquire-worker";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 5 || args[0] != WorkerCommand)
        {
            await Console.Error.WriteLineAsync($"usage: {WorkerCommand} <host:port> <callers> <key prefix> <limit>");
            return 2;
        }

        var (endpoint, callers, prefix, limit) = (args[1], int.Parse(args[2]), args[3], int.Parse(args[4]));
        await using var connection = await TestRedis.ConnectAsync(endpoint);
        var store = new RedisQuotaStore(connection, TestRedis.Options(prefix));
        var counter = TestRedis.Daily(limit: limit);

        // Warm the script cache and the connection so the race below is about the count, not about start-up.
        await store.GetStatusAsync(counter, DateTimeOffset.UtcNow);

        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() is null)
        {
            return 3;
        }

        var granted = await TestRedis.AcquireConcurrentlyAsync(store, [counter], callers, DateTimeOffset.UtcNow);
        Console.WriteLine($"granted {granted}");
        return 0;
    }
}
