using Xunit;
using System.Net;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class BearerCheckTests
{
    private const string InvalidToken = """{"code":124,"message":"Invalid access token."}""";

    [Fact]
    public async Task CallWithoutTokenGets401Code124AndCreatesNothing()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var request = EmulatorSession.CreateRequest("me", "{}", token: null);

        using var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(InvalidToken, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, s.Server.CreateRequestsReceived("me"));
        Assert.Empty(s.Server.MeetingIds);
    }

    [Fact]
    public async Task UnknownTokenGets401Code124()
    {
        await using var s = await EmulatorSession.StartAsync();

        using var response = await s.CreateAsync("me", "{}", "made-up-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(InvalidToken, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TokenInTheQueryStringIsRefusedLikeZoomDoesSince2023()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.Http.GetAsync($"v2/meetings/1?access_token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            """{"code":124,"message":"Invalid access token, this access token is not supported as query parameter string."}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RevokedTokenGets401AndANewTokenWorks()
    {
        await using var s = await EmulatorSession.StartAsync();
        var old = await s.GetTokenAsync();
        s.Server.RevokeAllTokens();

        using var refused = await s.CreateAsync("me", "{}", old);
        using var accepted = await s.CreateAsync("me", "{}", await s.GetTokenAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
