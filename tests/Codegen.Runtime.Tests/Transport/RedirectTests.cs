using Codegen.Runtime.Auth;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

public sealed class RedirectTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ARedirectToAnotherOriginCarriesNoAuthorization()
    {
        await using var other = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(200, TestApi.MeetingJson));
        await using var api = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "meetings/42").ToString();
            return Task.CompletedTask;
        });
        Assert.NotEqual(api.BaseAddress.Port, other.BaseAddress.Port); // two ports: two origins
        var invoker = _harness.Create(api.BaseAddress, new StaticBearerTokenProvider("secret-bearer-token"));

        var meeting = await invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal("Bearer secret-bearer-token", Assert.Single(api.Requests).Authorization);
        var redirected = Assert.Single(other.Requests);
        Assert.Null(redirected.Authorization);
        Assert.Equal("/meetings/42", redirected.PathAndQuery);
    }

    [Fact]
    public async Task ARedirectWithinTheSameOriginKeepsAuthorization()
    {
        await using var api = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "/moved/meetings";
                return Task.CompletedTask;
            }
            return context.WriteJsonAsync(201, TestApi.MeetingJson);
        });
        var invoker = _harness.Create(api.BaseAddress, new StaticBearerTokenProvider("secret-bearer-token"));

        await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        var second = api.Requests[1];
        Assert.Equal("POST", second.Method); // 307 keeps the method and the body
        Assert.Equal("/moved/meetings", second.PathAndQuery);
        Assert.Equal("""{"topic":"Standup"}""", second.Body);
        Assert.Equal("Bearer secret-bearer-token", second.Authorization);
    }

    [Fact]
    public async Task RedirectsStopAtTheLimit()
    {
        await using var api = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"/loop/{number}";
            return Task.CompletedTask;
        });
        using var http = new HttpClient(new Codegen.Runtime.Transport.SafeRedirectHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, maxRedirects: 2));

        using var response = await http.GetAsync(api.BaseAddress);

        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(3, api.RequestCount);
    }
}
