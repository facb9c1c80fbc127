using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Codegen.Benchmarks.Quotas;

/// <summary>A throwaway redis-server on a free loopback port (installed by .ci/redis.sh), stopped by its own process id.</summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static RedisServer Start()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("codegen-bench-redis-").FullName;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed: run .ci/redis.sh", e);
        }
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                Thread.Sleep(50); // waiting for an external process to listen; not a test
            }
        }
    }

    /// <summary>Total commands the server has executed (INFO commandstats), not counting INFO itself.</summary>
    public static long CommandCount(IConnectionMultiplexer admin)
    {
        var text = (string?)admin.GetDatabase().Execute("INFO", "commandstats") ?? "";
        long total = 0;
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal) || line.StartsWith("cmdstat_info:", StringComparison.Ordinal)) continue;
            var calls = line.IndexOf("calls=", StringComparison.Ordinal) + "calls=".Length;
            var end = line.IndexOf(',', calls);
            total += long.Parse(line[calls..end], System.Globalization.CultureInfo.InvariantCulture);
        }
        return total;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
