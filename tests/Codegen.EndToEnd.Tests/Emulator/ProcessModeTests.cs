using Xunit;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomEmulator;

namespace Codegen.EndToEnd.Tests.Emulator;

/// <summary>The admin API that drives a separately running emulator, exercised in-process with the same clock type.</summary>
public sealed class ProcessModeTests
{
    private static async Task<(ZoomEmulatorServer Server, HttpClient Http, AdjustableClock Clock)> StartAsync()
    {
        var clock = new AdjustableClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 22, 30, 0, TimeSpan.Zero)));
        var server = await ZoomEmulatorServer.StartAsync(new ZoomEmulatorOptions { TimeProvider = clock }, CancellationToken.None);
        return (server, new HttpClient { BaseAddress = server.BaseAddress }, clock);
    }

    private static async Task<JsonObject> PostAdminAsync(HttpClient http, string pathAndQuery)
    {
        using var response = await http.PostAsync(pathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task StateReportsAddressesAndCredentials()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        var state = (JsonObject)JsonNode.Parse(await http.GetStringAsync("_emulator/state"))!;

        Assert.Equal(server.ApiBaseAddress.ToString(), (string?)state["api_base_address"]);
        Assert.Equal(server.TokenEndpoint.ToString(), (string?)state["token_endpoint"]);
        Assert.Equal(server.ClientSecret, (string?)state["client_secret"]);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
    }

    [Fact]
    public async Task AdvancingTheClockFromOutsideExpiresATokenAndEndsTheUtcDay()
    {
        var (server, http, clock) = await StartAsync();
        await using var _server = server;
        using var _http = http;
        var token = await GetTokenAsync(server, http);

        await PostAdminAsync(http, "_emulator/clock/advance?seconds=3600");
        using (var expired = await CreateAsync(http, token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        }

        var now = await PostAdminAsync(http, "_emulator/clock/advance?to=next-utc-midnight");

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(clock.GetUtcNow(), DateTimeOffset.Parse((string)now["now"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> GetTokenAsync(ZoomEmulatorServer server, HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(server.TokenEndpoint + $"?grant_type=account_credentials&account_id={server.AccountId}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{server.ClientId}:{server.ClientSecret}")));
        using var response = await http.SendAsync(request);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!;
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient http, string token)
    {
        using var request = EmulatorSession.CreateRequest("me", "{}", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task FaultsHeaderSwitchAndResetWorkOverHttp()
    {
        var (server, http, _) = await StartAsync();
        await using var _server = server;
        using var _http = http;

        await PostAdminAsync(http, "_emulator/faults?kind=unavailable&count=2&retry_after_seconds=3");
        await PostAdminAsync(http, "_emulator/faults?kind=drop");
        await PostAdminAsync(http, "_emulator/rate-limit-headers?enabled=false");
        Assert.Equal(3, server.Faults.PendingCount);
        Assert.False(server.SendRateLimitHeaders);

        await PostAdminAsync(http, "_emulator/reset");

        Assert.Equal(0, server.Faults.PendingCount);
        Assert.True(server.SendRateLimitHeaders);
        using var bad = await http.PostAsync("_emulator/faults?kind=explode", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AdminClockAdvanceIsRefusedForAClockItCannotMove()
    {
        await using var s = await EmulatorSession.StartAsync();

        using var response = await s.Http.PostAsync("_emulator/clock/advance?seconds=1", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [InlineData("http://10.0.0.1:5077")]
    [InlineData("https://127.0.0.1:5077")]
    [InlineData("not a url")]
    public async Task OnlyLoopbackHttpAddressesAreAccepted(string url)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            ZoomEmulatorServer.StartAsync(new ZoomEmulatorOptions { Url = url }, CancellationToken.None));
    }
}
