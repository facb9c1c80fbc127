using Xunit;
using System.Net;
using System.Text;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Tests.Transport;

public sealed class ApiExceptionTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ZoomValidationErrorBodyIsParsedWithFieldErrorsHeadersAndRequestId()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["x-zm-trackingid"] = "v=2.0;clid=us06;rid=WEB_abc123";
            context.Response.Headers["X-RateLimit-Category"] = "Medium";
            context.Response.Headers["X-RateLimit-Limit"] = "100";
            context.Response.Headers["X-RateLimit-Remaining"] = "97";
            return context.WriteJsonAsync(400, """
                {"code":300,"message":"Validation Failed.","errors":[
                  {"field":"settings.email","message":"Invalid field."},
                  {"field":"recurrence.type","message":"Invalid field.","extra":[1,2]}]}
                """);
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(300, error.ErrorCode);
        Assert.Equal("Validation Failed.", error.ErrorMessage);
        Assert.Equal([new ApiFieldError("settings.email", "Invalid field."), new ApiFieldError("recurrence.type", "Invalid field.")], error.FieldErrors);
        Assert.Equal("v=2.0;clid=us06;rid=WEB_abc123", error.RequestId);
        Assert.Equal("createMeeting", error.OperationId);
        Assert.Equal("Medium", error.RateLimit.Category);
        Assert.Equal(100, error.RateLimit.Limit);
        Assert.Equal(97, error.RateLimit.Remaining);
        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("error code 300", error.Message);
        Assert.Contains("settings.email: Invalid field.", error.Message);
        Assert.Contains("rid=WEB_abc123", error.Message);
    }

    [Fact]
    public async Task RequestIdFallsBackToXRequestId()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req-77";
            return context.WriteJsonAsync(404, """{"code":1001,"message":"User does not exist: someone@example.com."}""");
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(1001, error.ErrorCode);
        Assert.Equal("req-77", error.RequestId);
    }

    [Fact]
    public async Task ANonJsonErrorBodyStillGivesTheStatus()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/html";
            return Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "<html>Forbidden</html>");
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Empty(error.FieldErrors);
    }

    [Theory]
    [InlineData("""{"code":"124","message":"Invalid access token."}""", 124, "Invalid access token.")]
    [InlineData("""{"message":"No code here","code":null}""", null, "No code here")]
    [InlineData("""{"error":"invalid_client","reason":"Invalid client_id or client_secret"}""", null, "Invalid client_id or client_secret")]
    [InlineData("""{"code":300,"message":"Trunc""", 300, null)]
    [InlineData("""[1,2,3]""", null, null)]
    [InlineData("""not json""", null, null)]
    public void ErrorBodiesAreReadTolerantly(string json, int? code, string? message)
    {
        var body = ApiErrorBody.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(code, body.Code);
        Assert.Equal(message, body.Message);
    }
}
