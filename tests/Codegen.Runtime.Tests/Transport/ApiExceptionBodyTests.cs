using System.Net;
using System.Text;
using System.Text.Json;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Json;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>The raw error body stays on the exception, so callers can read it with the API's own error type.</summary>
public sealed class ApiExceptionBodyTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>Stands in for a generated error record (the generator emits one per named error schema).</summary>
    private sealed record ConflictError(string Code, string? ExistingId) : IJsonModel<ConflictError>
    {
        public static ConflictError ReadJson(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("object expected");
            string? code = null, existing = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "code") code = reader.GetString();
                else if (name == "existing_id") existing = reader.GetString();
                else reader.Skip();
            }
            return new ConflictError(code ?? throw new JsonException("code is required"), existing);
        }

        public void WriteJson(Utf8JsonWriter writer) => throw new NotSupportedException();
    }

    [Fact]
    public async Task ErrorBodyIsKeptAndReadableWithAGeneratedErrorType()
    {
        const string body = """{"code":"item_name_in_use","existing_id":"12345","message":"An item with the same name already exists"}""";
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(409, body));
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(body, Encoding.UTF8.GetString(error.ResponseBody.Span));
        Assert.Equal("application/json", error.ResponseContentType);
        Assert.True(error.TryReadBody<ConflictError>(out var conflict));
        Assert.Equal(new ConflictError("item_name_in_use", "12345"), conflict);
    }

    [Fact]
    public async Task BodyOfAnotherShapeOrNoBodyIsNotReadAndDoesNotThrow()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/html";
            return Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html>bad gateway</html>");
        });
        var invoker = _harness.Create(server.BaseAddress);

        var html = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal("text/html", html.ResponseContentType);
        Assert.Equal("<html>bad gateway</html>", Encoding.UTF8.GetString(html.ResponseBody.Span));
        Assert.False(html.TryReadBody<ConflictError>(out var none));
        Assert.Null(none);
        Assert.False(new ApiException(HttpStatusCode.InternalServerError, "op", null, null, null, null, null).TryReadBody<ConflictError>(out _));
    }

    [Fact]
    public async Task RawBodyIsKeptButSecretsInItStayOutOfTheMessageAndToString()
    {
        const string body = """{"code":124,"message":"Invalid access token: see https://zoom.us/s/1?zak=SECRET-ZAK-VALUE"}""";
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(401, body));
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Contains("SECRET-ZAK-VALUE", Encoding.UTF8.GetString(error.ResponseBody.Span));
        Assert.DoesNotContain("SECRET-ZAK-VALUE", error.Message);
        Assert.DoesNotContain("SECRET-ZAK-VALUE", error.ErrorMessage);
        Assert.DoesNotContain("SECRET-ZAK-VALUE", error.ToString());
    }
}
