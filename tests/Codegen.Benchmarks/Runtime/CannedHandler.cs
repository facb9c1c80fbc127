using System.Net;
using System.Net.Http.Headers;

namespace Codegen.Benchmarks.Runtime;

/// <summary>An in-memory server: reads the whole request body (as a socket would send it) and answers a canned 201 with JSON.</summary>
public sealed class CannedHandler(byte[] body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public long BytesReceived { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }
        if (request.Content is not null)
        {
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            BytesReceived = bytes.Length;
        }
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.Created) { Content = content, RequestMessage = request };
    }
}
