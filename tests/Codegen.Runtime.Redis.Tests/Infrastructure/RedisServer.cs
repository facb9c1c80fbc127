using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Codegen.Runtime.Redis.Tests.Infrastructure;

/// <summary>A real redis-server process of our own on a free loopback port, in a temp folder, killed on dispose.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string MissingMessage =
        "redis-server is not on PATH. Install it with .ci/redis.sh (Debian package redis-server), or set CODEGEN_REDIS=host:port.";

    private readonly string _directory;
    private Process? _process;

    private RedisServer(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The redis-server executable on PATH, or null.</summary>
    public static string? FindExecutable()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static async Task<RedisServer> StartAsync()
    {
        var executable = FindExecutable() ?? throw new InvalidOperationException(MissingMessage);
        var directory = Directory.CreateTempSubdirectory("codegen-redis-").FullName;
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var server = new RedisServer(FreePort(), directory);
            try
            {
                await server.LaunchAsync(executable);
                return server;
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
            {
                // Another process may have taken the port between probing and binding; try another one.
                last = ex;
                await server.StopAsync();
            }
        }

        throw new InvalidOperationException("redis-server did not start on a free port.", last);
    }

    /// <summary>Kills the server (like a crash); the port is then closed.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>Starts the server again on the same port (an empty server: it saves nothing).</summary>
    public Task RestartAsync() => LaunchAsync(FindExecutable() ?? throw new InvalidOperationException(MissingMessage));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task LaunchAsync(string executable)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", _directory })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        // Ready when the server says so on its log (no polling); give up after a generous deadline.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var log = new List<string>();
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(deadline.Token);
            if (line is null)
            {
                throw new InvalidOperationException($"redis-server on port {Port} exited before it was ready:\n" + string.Join("\n", log));
            }

            log.Add(line);
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                break;
            }
        }

        // Keep draining the log so the server never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
    }
}
