using Xunit;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Tests.Transport;

public sealed class RequestBuildingTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task PathQueryHeadersAndJsonBodyReachTheServer()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            var header = context.Request.Headers["X-Trace"].ToString();
            return context.WriteJsonAsync(201, TestApi.MeetingJson.Replace("Standup", header));
        });
        var invoker = _harness.Create(new Uri(server.BaseAddress, "v2"));
        var request = TestApi.CreateMeetingRequest("a b@example.com");
        request.AddQuery("occurrence id", "1&2=3");
        request.AddQuery("skipped", null);
        request.AddHeader("X-Trace", "t-1");

        var meeting = await invoker.SendAsync(request, TestMeeting.Read);

        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/v2/users/a%20b@example.com/meetings?occurrence%20id=1%262%3D3", seen.PathAndQuery);
        Assert.Equal("application/json", seen.ContentType);
        Assert.Equal("""{"topic":"Standup"}""", seen.Body);
        Assert.Equal("t-1", meeting.Topic);
    }

    [Fact]
    public async Task NoContentSucceedsForSendWithoutAResult()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        var invoker = _harness.Create(server.BaseAddress);

        await invoker.SendAsync(new ApiRequest(new ApiOperation("deleteMeeting", HttpMethod.Delete, "/meetings/{id}"), "meetings/1"));

        Assert.Equal("DELETE", Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task NonJsonContentFromTheFactoryIsSentPerAttempt()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? context.WriteJsonAsync(503, "{}") : context.WriteJsonAsync(200, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress);
        var request = new ApiRequest(new ApiOperation("upload", HttpMethod.Put, "/files"), "files");
        request.SetContent(() => new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));

        await invoker.SendAsync(request, TestMeeting.Read);

        Assert.All(server.Requests, r => Assert.Equal("hello", r.Body));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task AnUnreadableSuccessBodySaysTheRequestWasProcessed()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, """{"id":"not a number"}"""));
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiResponseFormatException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(System.Net.HttpStatusCode.Created, error.StatusCode);
        Assert.Contains("do not send it again", error.Message);
        Assert.Equal(1, server.RequestCount);
    }
}
