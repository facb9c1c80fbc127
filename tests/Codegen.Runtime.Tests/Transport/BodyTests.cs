using System.Text;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>Non-JSON request bodies and non-JSON answers over real HTTP on loopback.</summary>
public sealed class BodyTests : IDisposable
{
    private static readonly ApiOperation Upload = new("upload", HttpMethod.Post, "/files");
    private static readonly ApiOperation Replace = new("replace", HttpMethod.Put, "/files/1");
    private static readonly ApiOperation Download = new("download", HttpMethod.Get, "/files/1");

    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static Task Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FormFieldsArriveUrlEncodedInOrderWithRepeatedNames()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 204));
        var request = new ApiRequest(Upload, "files");
        request.SetFormBody([new("a", "1 2"), new("t", "x"), new("t", "y&z=ü")]);

        await _harness.Create(server.BaseAddress).SendAsync(request);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", seen.ContentType);
        Assert.Equal("a=1+2&t=x&t=y%26z%3D%C3%BC", seen.Body);
    }

    [Fact]
    public async Task MultipartPartsArriveWithTheirNamesFileNamesMediaTypesAndBytes()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 204));
        var body = new MultipartBody()
            .AddText("title", "Grüße")
            .AddText("when", "2026-11-26", "text/x-date")
            .AddJson("meta", writer => { writer.WriteStartObject(); writer.WriteNumber("size", 3); writer.WriteEndObject(); })
            .AddFile("photo", ApiFile.FromBytes("PNG"u8.ToArray(), "cat.png"), "image/png")
            .AddFile("doc", new ApiFile(new MemoryStream("PDF"u8.ToArray()), "a.pdf", "application/pdf"), "image/png")
            .AddFile("raw", new ApiFile(new MemoryStream("RAW"u8.ToArray())), "image/*");
        var request = new ApiRequest(Upload, "files");
        request.SetMultipartBody(body);

        await _harness.Create(server.BaseAddress).SendAsync(request);

        var parts = await ReadPartsAsync(Assert.Single(server.Requests));
        Assert.Equal(
            [
                ("form-data; name=title", "text/plain; charset=utf-8", "Grüße"),
                ("form-data; name=when", "text/x-date", "2026-11-26"),
                ("form-data; name=meta", "application/json", """{"size":3}"""),
                ("form-data; name=photo; filename=cat.png; filename*=utf-8''cat.png", "image/png", "PNG"),
                ("form-data; name=doc; filename=a.pdf; filename*=utf-8''a.pdf", "application/pdf", "PDF"),   // the file's own type wins
                ("form-data; name=raw; filename=raw; filename*=utf-8''raw", "application/octet-stream", "RAW"), // a wildcard is not a type
            ],
            parts);
    }

    [Fact]
    public async Task SeekableStreamIsRewoundToWhereItStartedForEveryAttempt()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => Status(context, number == 1 ? 503 : 204, "1"));
        using var stream = new MemoryStream("skip:the payload"u8.ToArray());
        stream.Position = 5;
        var request = new ApiRequest(Replace, "files/1");
        request.SetStreamBody(stream, "application/octet-stream");

        await _harness.Create(server.BaseAddress).SendAsync(request);

        Assert.Equal(["the payload", "the payload"], server.Requests.Select(r => r.Body));
        Assert.All(server.Requests, r => Assert.Equal("application/octet-stream", r.ContentType));
        Assert.True(stream.CanRead, "the caller's stream must stay open");
    }

    [Fact]
    public async Task StreamThatCannotSeekIsNotSentAgainAfterAServerErrorAndTheLogSaysWhy()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 503, "1"));
        var request = new ApiRequest(Replace, "files/1");
        request.SetStreamBody(new ForwardOnlyStream("once"u8.ToArray()), "application/octet-stream");

        var error = await Assert.ThrowsAsync<ApiException>(() => _harness.Create(server.BaseAddress).SendAsync(request));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Equal("once", Assert.Single(server.Requests).Body);
        Assert.Empty(_harness.Delays);
        Assert.Contains(_harness.Logs.Entries, e => e.Contains("cannot seek", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultipartWithAFileThatCannotSeekIsNotSentAgainWhileSeekableFilesAre()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 503, "1"));
        var seekable = new ApiRequest(Upload, "files");
        seekable.SetMultipartBody(new MultipartBody().AddFile("f", ApiFile.FromBytes("a"u8.ToArray(), "a.bin")));
        var forwardOnly = new ApiRequest(Upload, "files");
        forwardOnly.SetMultipartBody(new MultipartBody().AddText("t", "x").AddFile("f", new ApiFile(new ForwardOnlyStream("b"u8.ToArray()), "b.bin")));
        var invoker = _harness.Create(server.BaseAddress, configure: o => o.Retry.MaxAttempts = 2);

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(seekable));
        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(forwardOnly));

        Assert.Equal(3, server.Requests.Count);   // two attempts for the seekable file, one for the other
        Assert.Single(_harness.Delays);
    }

    [Fact]
    public async Task StreamThatCannotSeekIsSentWhenTheFirstAttemptNeverReachedAServer()
    {
        // Port 1 on loopback refuses the connection: nothing of the stream is read, so a retry may still send it.
        var refused = new Uri("http://127.0.0.1:1/");
        var request = new ApiRequest(Replace, "files/1");
        var stream = new ForwardOnlyStream("data"u8.ToArray());
        request.SetStreamBody(stream, "application/octet-stream");

        await Assert.ThrowsAsync<HttpRequestException>(() => _harness.Create(refused, configure: o => o.Retry.MaxAttempts = 2).SendAsync(request));

        Assert.Single(_harness.Delays);         // it was retried: the body could still be sent
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task StreamThatCannotSeekIsNotReSentAfterA401EvenWhenANewTokenCouldBeHad()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 401));
        var tokens = new RotatingTokens();
        var request = new ApiRequest(Replace, "files/1");
        request.SetStreamBody(new ForwardOnlyStream("once"u8.ToArray()), "application/octet-stream");

        var error = await Assert.ThrowsAsync<ApiException>(() => _harness.Create(server.BaseAddress, tokens).SendAsync(request));

        Assert.Equal(401, (int)error.StatusCode);
        Assert.Equal("Bearer token-1", Assert.Single(server.Requests).Authorization);
        Assert.Equal(0, tokens.Invalidated);
    }

    [Fact]
    public async Task SeekableStreamIsReSentWholeWithTheNewTokenAfterA401()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => Status(context, number == 1 ? 401 : 204));
        var tokens = new RotatingTokens();
        var request = new ApiRequest(Replace, "files/1");
        request.SetStreamBody(new MemoryStream("again"u8.ToArray()), "application/octet-stream");

        await _harness.Create(server.BaseAddress, tokens).SendAsync(request);

        Assert.Equal([("Bearer token-1", "again"), ("Bearer token-2", "again")], server.Requests.Select(r => (r.Authorization, r.Body)));
    }

    [Fact]
    public async Task TextBodyIsSentAsUtf8WithItsCharset()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => Status(context, 204));
        var request = new ApiRequest(Upload, "files");
        request.SetTextBody("Grüße ✓", "text/csv");

        await _harness.Create(server.BaseAddress).SendAsync(request);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("text/csv; charset=utf-8", seen.ContentType);
        Assert.Equal("Grüße ✓", seen.Body);
    }

    [Fact]
    public async Task StreamedAnswerIsHandedOverUnreadAndIsNotBoundByTheBufferedBodyLimit()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 253)).ToArray();
        string? accept = null;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = "application/pdf";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"report 1.pdf\"";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes);
        });
        var invoker = _harness.Create(server.BaseAddress, configure: o => o.MaxResponseBodyBytes = 1024);
        var request = new ApiRequest(Download, "files/1");
        request.SetAccept("application/pdf, image/png");

        await using var answer = await invoker.SendForStreamAsync(request);
        using var copy = new MemoryStream();
        await answer.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.Equal("application/pdf", answer.ContentType);
        Assert.Equal(bytes.Length, answer.ContentLength);
        Assert.Equal("report 1.pdf", answer.FileName);
        Assert.Equal("application/pdf, image/png", accept);
    }

    [Fact]
    public async Task DisposedStreamedAnswerCannotBeReadAndMayBeDisposedTwice()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.Response.WriteAsync("bytes"));
        var answer = await _harness.Create(server.BaseAddress).SendForStreamAsync(new ApiRequest(Download, "files/1"));

        await answer.DisposeAsync();
        answer.Dispose();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => answer.ReadAllBytesAsync());
    }

    [Fact]
    public async Task ErrorAnswerOfAStreamedCallIsReadWholeAndThrownAsApiException()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(404, """{"code":3001,"message":"File does not exist."}"""));

        var error = await Assert.ThrowsAsync<ApiException>(() => _harness.Create(server.BaseAddress).SendForStreamAsync(new ApiRequest(Download, "files/1")));

        Assert.Equal(404, (int)error.StatusCode);
        Assert.Equal(3001, error.ErrorCode);
        Assert.Equal("File does not exist.", error.ErrorMessage);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", "Grüße")]
    [InlineData("text/plain; charset=iso-8859-1", "Grüße")]
    [InlineData("text/plain", "Grüße")]
    public async Task TextAnswerIsDecodedByItsCharsetAndUtf8WithoutOne(string contentType, string text)
    {
        var encoding = contentType.Contains("iso-8859-1") ? Encoding.Latin1 : Encoding.UTF8;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(encoding.GetBytes(text));
        });

        var answer = await _harness.Create(server.BaseAddress).SendForTextAsync(new ApiRequest(Download, "files/1"));

        Assert.Equal(text, answer);
    }

    [Fact]
    public void ApiFileRefusesAStreamItCannotReadAndATypeThatIsNoMediaType()
    {
        var closed = new MemoryStream();
        closed.Dispose();

        Assert.Throws<ArgumentException>(() => new ApiFile(closed));
        Assert.Throws<ArgumentException>(() => new ApiFile(new MemoryStream(), "a.png", "not a type"));
        Assert.Throws<ArgumentNullException>(() => new ApiFile(null!));
    }

    private static async Task<List<(string Disposition, string Type, string Body)>> ReadPartsAsync(SeenRequest seen)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(seen.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(seen.Body)));
        var parts = new List<(string, string, string)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            parts.Add((section.ContentDisposition!, section.ContentType!, await text.ReadToEndAsync()));
        }
        return parts;
    }

    /// <summary>Hands out token-1, then token-2 after an invalidation.</summary>
    private sealed class RotatingTokens : Codegen.Runtime.Auth.IAccessTokenProvider
    {
        private int _generation = 1;

        public int Invalidated { get; private set; }

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult("token-" + _generation);

        public bool Invalidate(string accessToken)
        {
            Invalidated++;
            _generation++;
            return true;
        }
    }

    /// <summary>A stream that can only be read forward, like a network or pipe stream; counts what was read.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
