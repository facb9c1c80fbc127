using System.Net;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Tests.Transport;
using Xunit;

namespace Codegen.Runtime.Tests.Auth;

public sealed class ReauthenticationTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private ZoomServerToServerTokenProvider Provider(LoopbackServer tokenServer) => new(_harness.Http, new ZoomServerToServerOptions
    {
        AccountId = TokenEndpoint.AccountId,
        ClientId = TokenEndpoint.ClientId,
        ClientSecret = TokenEndpoint.ClientSecret,
        TokenEndpoint = TokenEndpoint.Url(tokenServer),
    }, _harness.Time);

    [Fact]
    public async Task A401CausesOneTokenRefreshAndOneResendOfThePost()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number));
        await using var api = await LoopbackServer.StartAsync((context, _) =>
            context.Request.Headers.Authorization == "Bearer token-1"
                ? context.WriteJsonAsync(401, """{"code":124,"message":"Invalid access token."}""")
                : context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(api.BaseAddress, Provider(tokens));

        var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal(2, tokens.RequestCount);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Authorization));
        Assert.Empty(_harness.Delays);
        Assert.Equal(1, _harness.Quota.Acquired); // the re-send belongs to the same attempt
    }

    [Fact]
    public async Task ASecond401IsNotRetriedAgain()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number));
        await using var api = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(401, """{"code":124,"message":"Invalid access token."}"""));
        var invoker = _harness.Create(api.BaseAddress, Provider(tokens));

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(124, error.ErrorCode);
        Assert.Equal(2, api.RequestCount);
        Assert.Equal(2, tokens.RequestCount);
    }

    [Fact]
    public async Task A401WithAStaticTokenIsNotResent()
    {
        await using var api = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(401, """{"code":124,"message":"Invalid access token."}"""));
        var invoker = _harness.Create(api.BaseAddress, new StaticBearerTokenProvider("static-token-value"));

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal("Bearer static-token-value", Assert.Single(api.Requests).Authorization);
    }

    [Fact]
    public async Task ATokenFailureSendsNothingAndGivesThePermitBack()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(500, "{}"));
        await using var api = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(api.BaseAddress, Provider(tokens));

        await Assert.ThrowsAsync<ApiAuthenticationException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(0, api.RequestCount);
        Assert.Equal(1, _harness.Quota.Acquired);
        Assert.Equal(1, _harness.Quota.Returned);
    }
}
