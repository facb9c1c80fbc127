using System.Collections.Concurrent;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace Codegen.Generator.Tests.Parameters;

/// <summary>A request exactly as it reached the server: the raw request target (path and query as sent) and its headers.</summary>
public sealed record WireRequest(string RawTarget, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A real Kestrel server on 127.0.0.1 that answers 204 and records every request's raw target and headers.</summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<WireRequest> _seen = new();
    private LoopbackKestrel? _kestrel;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<WireRequest> Requests => _seen.ToArray();

    public static async Task<RecordingServer> StartAsync()
    {
        var server = new RecordingServer();
        server._kestrel = await LoopbackKestrel.StartAsync(context =>
        {
            var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            server._seen.Enqueue(new WireRequest(raw, headers));
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        server.BaseAddress = new Uri(server._kestrel.Address + "/");
        return server;
    }

    public ValueTask DisposeAsync() => _kestrel?.DisposeAsync() ?? ValueTask.CompletedTask;
}
