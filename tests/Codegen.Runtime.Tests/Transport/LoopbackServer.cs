using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>One request as the server saw it.</summary>
public sealed record SeenRequest(int Number, string Method, string PathAndQuery, string? Authorization, string? ContentType, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 for transport tests. The handler gets each request with its 1-based number;
/// every request is recorded (method, path, Authorization, body) before the handler runs.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _count;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int RequestCount => Volatile.Read(ref _count);

    public IReadOnlyList<SeenRequest> Requests => _seen.OrderBy(r => r.Number).ToArray();

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            int number = Interlocked.Increment(ref server._count);
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            server._seen.Enqueue(new SeenRequest(number, context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, body));
            await handler(context, number);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
