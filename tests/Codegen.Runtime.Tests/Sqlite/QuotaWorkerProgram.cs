using System.Globalization;
using Codegen.Runtime.Quotas.Sqlite;
using Codegen.Runtime.Tests.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests;

// The test assembly's entry point (GenerateProgramFile is off). VSTest loads the assembly as a library and never calls
// Main; the multi-process SQLite test starts this assembly as a worker:
//   dotnet Codegen.Runtime.Tests.dll quota-worker <dbPath> <n> <utc-iso-now>
// The worker prints "ready", waits for a line on stdin (so that both workers start together), runs n concurrent
// acquires of one host's daily quota and prints the number granted.
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "quota-worker")
        {
            await Console.Error.WriteLineAsync("usage: quota-worker <dbPath> <n> <utc-iso-now>");
            return 2;
        }
        var n = int.Parse(args[2], CultureInfo.InvariantCulture);
        var now = DateTimeOffset.Parse(args[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        var time = new FakeTimeProvider(now);
        var limiter = Zoom.DailyOnly(new SqliteQuotaStore(args[1]), time);
        var request = Zoom.Create("host@example.com");

        Console.WriteLine("ready");
        Console.ReadLine();
        var granted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            if ((await limiter.AcquireAsync(request, 1, ct)).IsAcquired)
            {
                Interlocked.Increment(ref granted);
            }
        });
        Console.WriteLine(granted.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
