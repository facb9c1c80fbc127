using System.Text;
using Codegen.Generator.Tests.Infrastructure;
using Codegen.Runtime.Errors;
using Microsoft.AspNetCore.Http;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>The generated client of Specs/bodies.yaml against a real loopback server: what arrives on the wire, and what comes back.</summary>
public sealed class GeneratedBodyClientTests : IClassFixture<GeneratedBodyClientTests.Client>
{
    /// <summary>Calls the generated client the way a user would write it; the tests reach it through reflection.</summary>
    private const string Harness = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Codegen.Runtime.Transport;
        using Tests.Bodies;

        namespace BodyHarness
        {
            public static class Calls
            {
                private static BodiesClient Client(string baseAddress)
                {
                    var options = new ApiClientOptions { BaseAddress = new Uri(baseAddress) };
                    options.Retry.BaseDelay = TimeSpan.Zero;
                    options.Retry.UseJitter = false;
                    return new BodiesClient(new ApiInvoker(new HttpClient(), BodiesApi.Description, options));
                }

                public static async Task<string> CreateMessage(string baseAddress)
                {
                    var message = await Client(baseAddress).CreateMessageAsync(new NewMessage
                    {
                        To = "+15550100",
                        Body = "Hi & bye = 100%",
                        Tags = new[] { "a", "b c" },
                        Flags = new[] { "x", "y" },
                        Priority = 2,
                        SendAt = new DateTimeOffset(2026, 11, 26, 12, 30, 0, TimeSpan.Zero),
                        Urgent = true,
                        Media = new Metadata { Source = "camera" },
                    });
                    return message.Id + "|" + message.Text;
                }

                public static async Task<string> CreateInvalidMessage(string baseAddress)
                {
                    try
                    {
                        await Client(baseAddress).CreateMessageAsync(new NewMessage { To = "+1" });
                        return "sent";
                    }
                    catch (Codegen.Runtime.Validation.RequestValidationException exception)
                    {
                        return string.Join("\n", exception.Errors);
                    }
                }

                public static async Task<string> Upload(string baseAddress)
                {
                    var message = await Client(baseAddress).UploadFileAsync(new UploadFileForm
                    {
                        File = ApiFile.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2 }, "cat.png"),
                        Title = "A cat",
                        Count = 3,
                        Tags = new[] { "pets", "cute" },
                        Metadata = new Metadata { Source = "phone", Size = 7 },
                        Attachments = new[]
                        {
                            new ApiFile(new MemoryStream(Encoding.UTF8.GetBytes("first")), "a.txt", "text/plain"),
                            new ApiFile(new MemoryStream(Encoding.UTF8.GetBytes("second")), "b.bin"),
                        },
                    });
                    return message.Id!;
                }

                public static async Task<string> UploadInvalid(string baseAddress)
                {
                    try
                    {
                        await Client(baseAddress).UploadFileAsync(new UploadFileForm { File = ApiFile.FromBytes(new byte[1]), Title = new string('t', 21) });
                        return "sent";
                    }
                    catch (Codegen.Runtime.Validation.RequestValidationException exception)
                    {
                        return string.Join("\n", exception.Errors);
                    }
                }

                public static Task PutBlob(string baseAddress, Stream body) => Client(baseAddress).PutBlobAsync("doc 1", body);

                public static Task PutLogo(string baseAddress, Stream body) => Client(baseAddress).PutLogoAsync(body);

                public static async Task<string> GetBlob(string baseAddress)
                {
                    await using var answer = await Client(baseAddress).GetBlobAsync("doc 1");
                    var bytes = await answer.ReadAllBytesAsync();
                    return answer.ContentType + "|" + answer.FileName + "|" + Convert.ToHexString(bytes);
                }

                public static async Task<string> GetMissingBlob(string baseAddress)
                {
                    try
                    {
                        await using var answer = await Client(baseAddress).GetBlobAsync("nope");
                        return "no error";
                    }
                    catch (Codegen.Runtime.Errors.ApiException exception)
                    {
                        return ((int)exception.StatusCode).ToString();
                    }
                }

                /// <summary>Error bodies are read by the user with the generated types (ApiException keeps the parsed basics).</summary>
                public static string ReadProblem(string json)
                {
                    var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var problem = Problem.ReadJson(ref reader);
                    return problem.Title + "|" + problem.Status;
                }

                public static Task<string> CreateNote(string baseAddress, string text) => Client(baseAddress).CreateNoteAsync(text);

                public static async Task<string> SumNumbers(string baseAddress) =>
                    (await Client(baseAddress).SumNumbersAsync(new[] { 1, 2, 39 })).ToString();

                public static async Task<string> PutLabels(string baseAddress)
                {
                    await Client(baseAddress).PutLabelsAsync(new System.Collections.Generic.Dictionary<string, string> { ["env"] = "prod" });
                    return "ok";
                }

                public static async Task<string> PostLegacy(string baseAddress)
                {
                    await Client(baseAddress).PostLegacyAsync(trace: "t1");
                    return "ok";
                }
            }
        }
        """;

    private readonly Client _client;

    public GeneratedBodyClientTests(Client client) => _client = client;

    /// <summary>The generated assembly with the harness, compiled once.</summary>
    public sealed class Client : IDisposable
    {
        public Client()
        {
            Result = GeneratorHarness.Run(new[] { Specs.Bodies() }, Harness);
            Result.AssertCompilesCleanly();
            Assembly = Result.Load();
        }

        public GenerationResult Result { get; }

        public LoadedAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }

    private async Task<T> Call<T>(string method, params object?[] args) =>
        await (Task<T>)_client.Assembly.Type("BodyHarness.Calls").GetMethod(method)!.Invoke(null, args)!;

    private async Task Call(string method, params object?[] args) =>
        await (Task)_client.Assembly.Type("BodyHarness.Calls").GetMethod(method)!.Invoke(null, args)!;

    private static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, Encoding.UTF8);
    }

    [Fact]
    public async Task FormBodySendsTheRecordsSimplePropertiesAsUrlEncodedFields()
    {
        await using var server = await BodyServer.StartAsync((context, _) => Json(context, 201, """{"id":"m1","text":"queued"}"""));

        var result = await Call<string>("CreateMessage", server.BaseAddress);

        Assert.Equal("m1|queued", result);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/v1/messages", seen.PathAndQuery);
        Assert.StartsWith("application/x-www-form-urlencoded", seen.ContentType);
        Assert.Equal(new[] { "+15550100" }, seen.Values("To"));
        Assert.Equal(new[] { "Hi & bye = 100%" }, seen.Values("Body"));
        Assert.Equal(new[] { "a", "b c" }, seen.Values("Tags"));     // exploded: one field per item
        Assert.Equal(new[] { "x,y" }, seen.Values("Flags"));         // encoding explode: false
        Assert.Equal(new[] { "2" }, seen.Values("Priority"));
        Assert.Equal(new[] { "2026-11-26T12:30:00.0000000+00:00" }, seen.Values("SendAt"));
        Assert.Equal(new[] { "true" }, seen.Values("Urgent"));
        Assert.Empty(seen.Values("Media"));                         // nested object: CG0005, not sent
        Assert.Equal("application/json", seen.Accept);
    }

    [Fact]
    public async Task FormBodyIsValidatedBeforeAnythingIsSent()
    {
        await using var server = await BodyServer.StartAsync((context, _) => Json(context, 201, "{}"));

        var errors = await Call<string>("CreateInvalidMessage", server.BaseAddress);

        Assert.StartsWith("To:", errors);
        Assert.Contains("minLength", errors);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task MultipartBodySendsFilesWithNameTypeAndBytesAndTheOtherPropertiesAsParts()
    {
        await using var server = await BodyServer.StartAsync((context, _) => Json(context, 200, """{"id":"u1"}"""));

        var id = await Call<string>("Upload", server.BaseAddress);

        Assert.Equal("u1", id);
        var seen = Assert.Single(server.Requests);
        Assert.StartsWith("multipart/form-data", seen.ContentType);
        var picture = Assert.Single(seen.Files, f => f.Name == "file");
        Assert.Equal("cat.png", picture.FileName);
        Assert.Equal("image/png", picture.ContentType);               // from the spec's encoding.contentType
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2 }, picture.Bytes);
        var attachments = seen.Files.Where(f => f.Name == "attachments").ToList();
        Assert.Equal(new[] { "a.txt", "b.bin" }, attachments.Select(f => f.FileName));
        Assert.Equal(new[] { "text/plain", "application/octet-stream" }, attachments.Select(f => f.ContentType));
        Assert.Equal(new[] { "first", "second" }, attachments.Select(f => Encoding.UTF8.GetString(f.Bytes)));
        Assert.Equal(new[] { "A cat" }, seen.Values("title"));
        Assert.Equal(new[] { "3" }, seen.Values("count"));
        Assert.Equal(new[] { "pets", "cute" }, seen.Values("tags"));
        Assert.Equal(new[] { """{"source":"phone","size":7}""" }, seen.Values("metadata"));
        Assert.Contains("Content-Type: application/json", seen.Text);  // the object part is declared as JSON
    }

    [Fact]
    public async Task MultipartTextPartsAreValidatedBeforeAnythingIsSent()
    {
        await using var server = await BodyServer.StartAsync((context, _) => Json(context, 200, "{}"));

        var errors = await Call<string>("UploadInvalid", server.BaseAddress);

        Assert.StartsWith("title:", errors);
        Assert.Contains("maxLength", errors);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task OctetStreamBodySendsTheStreamsBytesWithTheDeclaredMediaType()
    {
        await using var server = await BodyServer.StartAsync((context, _) => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();
        using var stream = new MemoryStream(bytes);

        await Call("PutBlob", server.BaseAddress, stream);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("PUT", seen.Method);
        Assert.Equal("/v1/blobs/doc%201", seen.PathAndQuery);
        Assert.Equal("application/octet-stream", seen.ContentType);
        Assert.Equal(bytes, seen.Bytes);
        Assert.True(stream.CanRead, "the caller's stream is theirs: the client must not dispose it");
    }

    [Fact]
    public async Task SeekableStreamBodyIsRewoundAndSentWholeAgainWhenTheCallIsRetried()
    {
        await using var server = await BodyServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 503 : 204;
            if (number == 1) context.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        });
        var bytes = Encoding.UTF8.GetBytes("the same bytes twice");
        using var stream = new MemoryStream(bytes);

        await Call("PutBlob", server.BaseAddress, stream);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(bytes, r.Bytes));
    }

    [Fact]
    public async Task StreamBodyThatCannotSeekIsNotSentAgainAndTheCallFailsWithTheServersAnswer()
    {
        await using var server = await BodyServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "0";
            return Task.CompletedTask;
        });
        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes("sent once"));

        var error = await Assert.ThrowsAsync<ApiException>(() => Call("PutBlob", server.BaseAddress, stream));

        Assert.Equal(503, (int)error.StatusCode);
        var seen = Assert.Single(server.Requests);              // a retry would have sent an empty body
        Assert.Equal("sent once", seen.Text);
    }

    [Fact]
    public async Task WildcardImageBodyIsSentWithTheConcreteContentMediaType()
    {
        await using var server = await BodyServer.StartAsync((context, _) => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var stream = new MemoryStream(new byte[] { 1, 2, 3 });

        await Call("PutLogo", server.BaseAddress, stream);

        Assert.Equal("image/png", Assert.Single(server.Requests).ContentType);
    }

    [Fact]
    public async Task BinaryAnswerComesBackAsAStreamWithItsTypeAndFileName()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 fake");
        await using var server = await BodyServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/pdf";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"report.pdf\"";
            await context.Response.Body.WriteAsync(pdf);
        });

        var result = await Call<string>("GetBlob", server.BaseAddress);

        Assert.Equal("application/pdf|report.pdf|" + Convert.ToHexString(pdf), result);
        Assert.Equal("application/pdf", Assert.Single(server.Requests).Accept);
    }

    [Fact]
    public async Task ErrorAnswerOfABinaryOperationIsAnApiException()
    {
        await using var server = await BodyServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "application/problem+json";
            return context.Response.WriteAsync("""{"title":"No such blob","status":404}""");
        });

        Assert.Equal("404", await Call<string>("GetMissingBlob", server.BaseAddress));
    }

    [Fact]
    public void NamedSchemasUsedOnlyByErrorResponsesGetTypesWhateverTheirMediaType()
    {
        // Problem: only in a 404 (problem+json); ErrorDetail: only as array items of an XML default response.
        Assert.NotNull(_client.Assembly.Type("Tests.Bodies.ErrorDetail"));
        Assert.Equal("No such blob|404", _client.Assembly.Call("BodyHarness.Calls", "ReadProblem", """{"title":"No such blob","status":404}"""));
    }

    [Fact]
    public async Task TextBodyAndTextAnswerTravelAsUtf8Strings()
    {
        await using var server = await BodyServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            await context.Response.WriteAsync("echo: " + await reader.ReadToEndAsync(), Encoding.UTF8);
        });

        var answer = await Call<string>("CreateNote", server.BaseAddress, "Grüße ✓");

        Assert.Equal("echo: Grüße ✓", answer);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("text/plain; charset=utf-8", seen.ContentType);
        Assert.Equal("text/plain", seen.Accept);
    }

    [Fact]
    public async Task JsonArrayAndDictionaryBodiesAreWrittenAsJson()
    {
        await using var server = await BodyServer.StartAsync((context, number) =>
            number == 1 ? Json(context, 200, "42") : Task.CompletedTask.ContinueWith(_ => context.Response.StatusCode = 204));

        Assert.Equal("42", await Call<string>("SumNumbers", server.BaseAddress));
        Assert.Equal("ok", await Call<string>("PutLabels", server.BaseAddress));

        Assert.Equal("[1,2,39]", server.Requests[0].Text);
        Assert.Equal("application/json", server.Requests[0].ContentType);  // JSON preferred over the XML also offered
        Assert.Equal("""{"env":"prod"}""", server.Requests[1].Text);
    }

    [Fact]
    public async Task OperationWhoseBodyCannotBeSentStillGeneratesAndSendsItsParameters()
    {
        await using var server = await BodyServer.StartAsync((context, _) => { context.Response.StatusCode = 204; return Task.CompletedTask; });

        Assert.Equal("ok", await Call<string>("PostLegacy", server.BaseAddress));

        var seen = Assert.Single(server.Requests);
        Assert.Equal("/v1/legacy?trace=t1", seen.PathAndQuery);
        Assert.Empty(seen.Bytes);
    }

    /// <summary>A stream that can only be read forward, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
