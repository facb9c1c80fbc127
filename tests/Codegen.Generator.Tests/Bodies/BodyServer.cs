using System.Collections.Concurrent;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>One file part as ASP.NET Core's form reader parsed it.</summary>
public sealed record SeenFile(string Name, string FileName, string? ContentType, byte[] Bytes);

/// <summary>One request as the server saw it: raw body bytes, and the parsed form when it was a form or multipart body.</summary>
public sealed record SeenBody(
    int Number,
    string Method,
    string PathAndQuery,
    string? ContentType,
    string? Accept,
    byte[] Bytes,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    IReadOnlyList<SeenFile> Files)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    public string[] Values(string name) => Fields.Where(f => f.Key == name).Select(f => f.Value).ToArray();
}

/// <summary>
/// A real Kestrel server on 127.0.0.1 that records every request body (parsing forms and multipart bodies with
/// ASP.NET Core's own reader, an independent implementation) before the handler answers.
/// </summary>
public sealed class BodyServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<SeenBody> _seen = new();
    private LoopbackKestrel? _kestrel;
    private int _count;

    public string BaseAddress { get; private set; } = "";

    public IReadOnlyList<SeenBody> Requests => _seen.OrderBy(r => r.Number).ToArray();

    public static async Task<BodyServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var server = new BodyServer();
        server._kestrel = await LoopbackKestrel.StartAsync(async context =>
        {
            int number = Interlocked.Increment(ref server._count);
            context.Request.EnableBuffering();
            using var copy = new MemoryStream();
            await context.Request.Body.CopyToAsync(copy, context.RequestAborted);
            context.Request.Body.Position = 0;
            var fields = new List<KeyValuePair<string, string>>();
            var files = new List<SeenFile>();
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var field in form)
                {
                    foreach (var value in field.Value) fields.Add(new(field.Key, value ?? ""));
                }
                foreach (var file in form.Files)
                {
                    using var bytes = new MemoryStream();
                    await file.CopyToAsync(bytes, context.RequestAborted);
                    files.Add(new SeenFile(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
                }
            }
            server._seen.Enqueue(new SeenBody(number, context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.ContentType, context.Request.Headers.Accept.ToString(), copy.ToArray(), fields, files));
            await handler(context, number);
        });
        server.BaseAddress = server._kestrel.Address + "/v1/";
        return server;
    }

    public ValueTask DisposeAsync() => _kestrel?.DisposeAsync() ?? ValueTask.CompletedTask;
}
