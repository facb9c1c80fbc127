using System.Text;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Tests.Auth;
using Codegen.Runtime.Tests.Transport;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Codegen.Runtime.Tests.Redaction;

public sealed class SecretsNeverLoggedTests : IDisposable
{
    private const string AccessToken1 = "eyJhbGciOiJIUzUxMiJ9.first-access-token";
    private const string AccessToken2 = "eyJhbGciOiJIUzUxMiJ9.second-access-token";
    private const string Zak = "eyJ6bV9za20iOiJ6bV9vMm0ifQ.zak-secret";
    private const string JoinPasscode = "JoinPass9";
    private const string QueryPassword = "query-password-77";
    private const string CookieValue = "cookie-session-secret";
    private const string OddHeaderValue = "odd-header-secret";

    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task LogsAndExceptionTextsContainNoSecretUsedInTheCalls()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, number) =>
            context.WriteJsonAsync(200, $$"""{"access_token":"{{(number == 1 ? AccessToken1 : AccessToken2)}}","token_type":"bearer","expires_in":3600}"""));
        await using var api = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.Headers["Set-Cookie"] = "session=" + CookieValue;
            context.Response.Headers["X-Odd"] = OddHeaderValue;
            context.Response.Headers["x-zm-trackingid"] = "track-1";
            return number switch
            {
                1 => context.WriteJsonAsync(401, """{"code":124,"message":"Invalid access token."}"""),
                2 => Redirect(context),
                3 => context.WriteJsonAsync(201, $$"""{"id":1,"topic":"t","start_url":"https://zoom.us/s/1?zak={{Zak}}","password":"{{JoinPasscode}}"}"""),
                _ => context.WriteJsonAsync(400, $$"""{"code":300,"message":"Bad start_url https://zoom.us/s/1?zak={{Zak}} for Bearer {{AccessToken2}}","errors":[{"field":"join_url","message":"https://zoom.us/j/1?pwd={{JoinPasscode}} is invalid"}]}"""),
            };
        });
        var provider = new ZoomServerToServerTokenProvider(_harness.Http, new ZoomServerToServerOptions
        {
            AccountId = TokenEndpoint.AccountId,
            ClientId = TokenEndpoint.ClientId,
            ClientSecret = TokenEndpoint.ClientSecret,
            TokenEndpoint = TokenEndpoint.Url(tokens),
        }, _harness.Time, _harness.LoggerFactory.CreateLogger<ZoomServerToServerTokenProvider>());
        var invoker = _harness.Create(api.BaseAddress, provider);

        var created = TestApi.CreateMeetingRequest();
        created.AddQuery("password", QueryPassword);
        await invoker.SendAsync(created, TestMeeting.Read);           // 401 → refresh → redirect → 201
        var failing = TestApi.CreateMeetingRequest();
        failing.AddQuery("password", QueryPassword);
        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(failing, TestMeeting.Read));

        var logs = _harness.Logs.AllText;
        Assert.Contains("createMeeting", logs);                      // the capture works…
        Assert.Contains("password=***", logs);                       // …and shows masked values
        Assert.Contains("Redirect 307", logs);
        Assert.Contains("zak=***", logs);
        Assert.Contains("Set-Cookie: ***", logs);
        Assert.Contains("zak=***", error.Message);
        Assert.Contains("Bearer ***", error.Message);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TokenEndpoint.ClientId}:{TokenEndpoint.ClientSecret}"));
        string[] secrets = [TokenEndpoint.ClientSecret, basic, AccessToken1, AccessToken2, Zak, JoinPasscode, QueryPassword, CookieValue, OddHeaderValue];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs);
            Assert.DoesNotContain(secret, error.ToString());
            Assert.DoesNotContain(secret, error.ErrorMessage ?? string.Empty);
            Assert.DoesNotContain(secret, string.Join(" ", error.FieldErrors));
        }
    }

    [Fact]
    public async Task ATokenEndpointFailureNamesNoSecret()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, _) =>
            context.WriteJsonAsync(400, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"""));
        var provider = new ZoomServerToServerTokenProvider(_harness.Http, new ZoomServerToServerOptions
        {
            AccountId = TokenEndpoint.AccountId,
            ClientId = TokenEndpoint.ClientId,
            ClientSecret = TokenEndpoint.ClientSecret,
            TokenEndpoint = TokenEndpoint.Url(tokens),
        }, _harness.Time, _harness.LoggerFactory.CreateLogger<ZoomServerToServerTokenProvider>());

        var error = await Assert.ThrowsAsync<ApiAuthenticationException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("token request", _harness.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, error.ToString());
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, _harness.Logs.AllText);
    }

    private static Task Redirect(Microsoft.AspNetCore.Http.HttpContext context)
    {
        context.Response.StatusCode = 307;
        context.Response.Headers.Location = $"/moved?zak={Zak}";
        return Task.CompletedTask;
    }
}
