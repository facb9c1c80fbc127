using Xunit;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Quotas.Sqlite;
using Codegen.Runtime.Tests.Quotas;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Sqlite;

public sealed class SqliteQuotaStoreTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly StoreFactory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ThousandAcquirersInTwoProcessesGetExactlyTheLimit()
    {
        var workers = new[] { StartWorker(500), StartWorker(500) };
        try
        {
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync());
            }
            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync();
            }
            var granted = 0;
            foreach (var worker in workers)
            {
                var output = await worker.StandardOutput.ReadToEndAsync();
                await worker.WaitForExitAsync();
                Assert.True(worker.ExitCode == 0, await worker.StandardError.ReadToEndAsync());
                granted += int.Parse(output.Trim(), CultureInfo.InvariantCulture);
            }

            Assert.Equal(100, granted);
            var time = new FakeTimeProvider(Morning);
            var limiter = Zoom.DailyOnly(new SqliteQuotaStore(_files.DatabasePath), time);
            Assert.Equal(100, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
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

    [Fact]
    public async Task CountAndServerBlockSurviveARestart()
    {
        var time = new FakeTimeProvider(Morning);
        var before = Zoom.Limiter(new SqliteQuotaStore(_files.DatabasePath), time, o => o.Plan = "Business");
        Assert.Equal(40, Zoom.CountGranted(before, Zoom.Create("host@example.com"), 40));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        await before.ObserveResponseAsync(Zoom.Create("blocked@example.com"), response, "You have exceeded the daily rate limit (100)");
        SqliteConnection.ClearAllPools();

        var after = Zoom.Limiter(new SqliteQuotaStore(_files.DatabasePath), time, o => o.Plan = "Business");

        Assert.Equal(40, (await after.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
        var refused = (QuotaLease)after.AttemptAcquire(Zoom.Create("Blocked@example.com"));
        Assert.Equal(QuotaRefusalReason.BlockedByServer, refused.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), refused.RetryAt);
    }

    [Fact]
    public async Task SchemaIsCreatedOnFirstUseInWalMode()
    {
        var path = Path.Combine(Path.GetDirectoryName(_files.DatabasePath)!, "nested", "q.db");
        var store = new SqliteQuotaStore(path);
        Assert.False(File.Exists(path));

        await store.GetStatusAsync(new QuotaCounter(Zoom.Daily, "x", 100), Morning);

        Assert.True(File.Exists(path));
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task ExpiredRowsAreDeleted()
    {
        var store = new SqliteQuotaStore(_files.DatabasePath);
        var perSecond = Zoom.Medium;
        for (var i = 0; i < 10; i++)
        {
            await store.TryAcquireAsync([new QuotaCounter(perSecond, $"k{i}", 20)], Morning);
        }

        Assert.Equal(10, store.RemoveExpired(Morning.AddSeconds(1)));
    }

    [Fact]
    public void AddSqliteQuotaStoreReplacesTheInMemoryDefault()
    {
        var services = new ServiceCollection();
        services.TryAddSingleton<IQuotaStore, InMemoryQuotaStore>(); // what the transport registers
        services.AddSqliteQuotaStore(_files.DatabasePath);
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<SqliteQuotaStore>(provider.GetRequiredService<IQuotaStore>());
        Assert.Equal(Path.GetFullPath(_files.DatabasePath), store.DatabasePath);
    }

    [Fact]
    public void TheInMemoryDefaultIsConstructibleByDependencyInjection()
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton<IQuotaStore, InMemoryQuotaStore>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryQuotaStore>(provider.GetRequiredService<IQuotaStore>());
    }

    [Fact]
    public void ABlankPathIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSqliteQuotaStore(o => o.Path = ""));
        Assert.Contains("SqliteQuotaStoreOptions.Path must name the database file", error.Message);
    }

    private Process StartWorker(int acquirers)
    {
        // The same dotnet host that runs these tests.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host) || !File.Exists(host))
        {
            host = Environment.ProcessPath!;
        }
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        info.ArgumentList.Add("quota-worker");
        info.ArgumentList.Add(_files.DatabasePath);
        info.ArgumentList.Add(acquirers.ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(Morning.ToString("O", CultureInfo.InvariantCulture));
        return Process.Start(info) ?? throw new InvalidOperationException("The worker process did not start.");
    }
}
