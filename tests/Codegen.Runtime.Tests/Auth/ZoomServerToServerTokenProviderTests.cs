using System.Net;
using System.Text;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Tests.Transport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Auth;

public sealed class ZoomServerToServerTokenProviderTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public void Dispose() => _http.Dispose();

    private ZoomServerToServerTokenProvider Provider(LoopbackServer server, TimeSpan? skew = null) => new(_http, new ZoomServerToServerOptions
    {
        AccountId = TokenEndpoint.AccountId,
        ClientId = TokenEndpoint.ClientId,
        ClientSecret = TokenEndpoint.ClientSecret,
        TokenEndpoint = TokenEndpoint.Url(server),
        RefreshBeforeExpiry = skew,
    }, _time);

    [Fact]
    public async Task TokenRequestIsAFormPostWithBasicClientCredentials()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number));

        var token = await Provider(server).GetAccessTokenAsync();

        Assert.Equal("token-1", token);
        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/oauth/token", seen.PathAndQuery);
        Assert.Equal("application/x-www-form-urlencoded", seen.ContentType);
        Assert.Equal("grant_type=account_credentials&account_id=acct-123", seen.Body);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TokenEndpoint.ClientId}:{TokenEndpoint.ClientSecret}"));
        Assert.Equal(expected, seen.Authorization);
    }

    [Fact]
    public async Task FiftyConcurrentCallersCauseOneTokenRequest()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            await release.Task; // hold the answer until every caller is waiting
            await TokenEndpoint.Issue(context, number);
        });
        var provider = Provider(server);

        // Every caller joins before the token endpoint may answer.
        var callers = Enumerable.Range(0, 50).Select(_ => provider.GetAccessTokenAsync().AsTask()).ToArray();
        Assert.All(callers, c => Assert.False(c.IsCompleted));
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task TheTokenIsCachedUntilShortlyBeforeItExpires()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number, expiresIn: 3600));
        var provider = Provider(server);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync());
        _time.Advance(TimeSpan.FromMinutes(54)); // default skew: min(5 min, 10 % of 1 h) = 5 min
        Assert.Equal("token-1", await provider.GetAccessTokenAsync());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task AShortLivedTokenIsRefreshedAtNinetyPercentOfItsLifetime()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number, expiresIn: 600));
        var provider = Provider(server);

        await provider.GetAccessTokenAsync();
        _time.Advance(TimeSpan.FromSeconds(539));
        Assert.Equal("token-1", await provider.GetAccessTokenAsync());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
    }

    [Fact]
    public async Task AFailedRefreshFailsItsWaitersAndTheNextCallRefreshesAgain()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                await release.Task;
                await context.WriteJsonAsync(401, """{"reason":"Invalid client_id or client_secret","error":"invalid_client"}""");
                return;
            }
            await TokenEndpoint.Issue(context, number);
        });
        var provider = Provider(server);

        var waiters = Enumerable.Range(0, 5).Select(_ => provider.GetAccessTokenAsync().AsTask()).ToArray();
        release.SetResult();
        foreach (var waiter in waiters)
        {
            var error = await Assert.ThrowsAsync<ApiAuthenticationException>(() => waiter);
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
            Assert.Equal("invalid_client", error.ErrorCode);
            Assert.Contains("Invalid client_id or client_secret", error.Message);
            Assert.DoesNotContain(TokenEndpoint.ClientSecret, error.ToString());
        }
        Assert.Equal(1, server.RequestCount);

        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ACallerThatStopsWaitingDoesNotCancelTheSharedRequest()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            await release.Task;
            await TokenEndpoint.Issue(context, number);
        });
        var provider = Provider(server);
        using var impatient = new CancellationTokenSource();

        var first = provider.GetAccessTokenAsync(impatient.Token).AsTask();
        var second = provider.GetAccessTokenAsync().AsTask();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Equal("token-1", await second);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ATokenEndpointThatDoesNotAnswerTimesOutAndTheNextCallTriesAgain()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                received.TrySetResult();
                await release.Task.WaitAsync(context.RequestAborted);
                return;
            }
            await TokenEndpoint.Issue(context, number);
        });
        var provider = Provider(server);

        var first = provider.GetAccessTokenAsync().AsTask();
        await received.Task;
        _time.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<ApiAuthenticationException>(() => first);
        release.TrySetResult();

        Assert.Contains("did not answer within", error.Message);
        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
    }

    [Fact]
    public async Task InvalidateDropsOnlyTheRefusedToken()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number));
        var provider = Provider(server);

        var first = await provider.GetAccessTokenAsync();
        Assert.True(provider.Invalidate("some-older-token"));
        Assert.Equal(first, await provider.GetAccessTokenAsync());
        Assert.True(provider.Invalidate(first));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync());
    }

    [Theory]
    [InlineData("""{"token_type":"bearer","expires_in":3600}""", "no access_token")]
    [InlineData("""{"access_token":"abc","token_type":"mac"}""", "only bearer tokens")]
    [InlineData("""<html>""", "not valid JSON")]
    public async Task AMalformedTokenAnswerIsAnAuthenticationError(string body, string expected)
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(200, body));

        var error = await Assert.ThrowsAsync<ApiAuthenticationException>(() => Provider(server).GetAccessTokenAsync().AsTask());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MissingCredentialsAreRejectedWithClearMessages()
    {
        var error = Assert.Throws<ArgumentException>(() => new ZoomServerToServerTokenProvider(_http, new ZoomServerToServerOptions { AccountId = "a" }));

        Assert.Contains("ClientId is required", error.Message);
        Assert.Contains("ClientSecret is required", error.Message);
        Assert.DoesNotContain("AccountId is required", error.Message);
    }

    [Fact]
    public void OptionsToStringMasksTheSecret()
    {
        var options = new ZoomServerToServerOptions { AccountId = "a", ClientId = "c", ClientSecret = TokenEndpoint.ClientSecret };

        Assert.DoesNotContain(TokenEndpoint.ClientSecret, options.ToString());
    }
}
