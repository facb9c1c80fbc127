using Xunit;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ZoomEmulator;

namespace Codegen.EndToEnd.Tests.Emulator;

/// <summary>
/// One emulator on a free loopback port with a fake clock, and a plain <see cref="HttpClient"/> that talks to it
/// the way any Zoom client would (no generated client involved).
/// </summary>
internal sealed class EmulatorSession : IAsyncDisposable
{
    /// <summary>A Thursday morning, far from midnight, so tests choose when a UTC day ends.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private EmulatorSession(ZoomEmulatorServer server, FakeTimeProvider clock, HttpClient http)
    {
        Server = server;
        Clock = clock;
        Http = http;
    }

    public ZoomEmulatorServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorSession> StartAsync(Action<ZoomEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new ZoomEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var server = await ZoomEmulatorServer.StartAsync(options, CancellationToken.None);
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        return new EmulatorSession(server, clock, http);
    }

    public HttpRequestMessage TokenRequest(string clientId, string clientSecret, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.TokenEndpoint + "?" + query));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        return request;
    }

    public async Task<string> GetTokenAsync()
    {
        using var request = TokenRequest(Server.ClientId, Server.ClientSecret,
            $"grant_type=account_credentials&account_id={Server.AccountId}");
        using var response = await Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await ReadObjectAsync(response);
        return (string)body["access_token"]!;
    }

    public static HttpRequestMessage CreateRequest(string userId, string json, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v2/users/{Uri.EscapeDataString(userId)}/meetings")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public async Task<HttpResponseMessage> CreateAsync(string userId, string json, string token)
    {
        using var request = CreateRequest(userId, json, token);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetMeetingAsync(string meetingId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/meetings/{meetingId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
