using Xunit;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task RegisteredCredentialsGetABearerTokenForOneHour()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var request = s.TokenRequest(s.Server.ClientId, s.Server.ClientSecret,
            $"grant_type=account_credentials&account_id={s.Server.AccountId}");

        using var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorSession.ReadObjectAsync(response);
        Assert.False(string.IsNullOrEmpty((string?)body["access_token"]));
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(3600, (int)body["expires_in"]!);
        Assert.Contains("meeting:write:admin", (string?)body["scope"]);
        Assert.Equal(1, s.Server.TokenRequestCount);
        Assert.Equal(1, s.Server.TokensIssuedCount);
    }

    [Fact]
    public async Task ParametersMayComeInAFormBody()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, s.Server.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "account_credentials",
                ["account_id"] = s.Server.AccountId,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{s.Server.ClientId}:{s.Server.ClientSecret}")));

        using var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongClientSecretGets401InvalidClientAndNoToken()
    {
        await using var s = await EmulatorSession.StartAsync();
        using var request = s.TokenRequest(s.Server.ClientId, "not-the-secret",
            $"grant_type=account_credentials&account_id={s.Server.AccountId}");

        using var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await EmulatorSession.ReadObjectAsync(response);
        Assert.Equal("invalid_client", (string?)body["error"]);
        Assert.Null(body["access_token"]);
        Assert.Equal(1, s.Server.TokenRequestCount);
        Assert.Equal(0, s.Server.TokensIssuedCount);
    }

    [Fact]
    public async Task MissingBasicCredentialsGet401()
    {
        await using var s = await EmulatorSession.StartAsync();

        using var response = await s.Http.PostAsync(
            new Uri(s.Server.TokenEndpoint + $"?grant_type=account_credentials&account_id={s.Server.AccountId}"), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("grant_type=account_credentials&account_id=someone-else", "invalid_grant")]
    [InlineData("grant_type=account_credentials", "invalid_request")]
    [InlineData("grant_type=client_credentials&account_id=emu-account-0001", "unsupported_grant_type")]
    public async Task BadGrantParametersGet400WithAnOAuthError(string query, string error)
    {
        await using var s = await EmulatorSession.StartAsync();
        using var request = s.TokenRequest(s.Server.ClientId, s.Server.ClientSecret, query);

        using var response = await s.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (string?)(await EmulatorSession.ReadObjectAsync(response))["error"]);
    }

    [Fact]
    public async Task TokenWorksUntilOneHourHasPassedOnTheEmulatorClock()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        s.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillValid = await s.CreateAsync("me", "{}", token))
        {
            Assert.Equal(HttpStatusCode.Created, stillValid.StatusCode);
        }

        s.Clock.Advance(TimeSpan.FromMinutes(1));
        using var expired = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("""{"code":124,"message":"Invalid access token."}""", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryTokenRequestIssuesANewTokenAndOldOnesStayValid()
    {
        await using var s = await EmulatorSession.StartAsync();
        var first = await s.GetTokenAsync();
        var second = await s.GetTokenAsync();

        using var withFirst = await s.CreateAsync("me", "{}", first);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Created, withFirst.StatusCode);
        Assert.Equal(2, s.Server.TokenRequestCount);
    }
}
