using System.Collections.Concurrent;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Transport;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>Cookie parameters: one Cookie header, escaped values, never logged, never carried to another origin.</summary>
public sealed class CookieParameterTests : IDisposable
{
    private const string SessionSecret = "session-secret-value";

    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task CookiesGoOutInOneEscapedCookieHeader()
    {
        var cookies = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            cookies.Enqueue(string.Join("|", context.Request.Headers.Cookie.ToArray()));
            return context.WriteJsonAsync(200, TestApi.MeetingJson);
        });
        var request = TestApi.GetMeetingRequest();
        request.AddCookie("session", "a b;c");
        request.AddCookie("skipped", null);
        request.AddCookie("theme", "dark");

        await _harness.Create(server.BaseAddress).SendAsync(request, TestMeeting.Read);

        Assert.Equal("session=a%20b%3Bc; theme=dark", Assert.Single(cookies));
    }

    [Fact]
    public void CookieWithoutANameIsRejected()
    {
        var request = TestApi.GetMeetingRequest();

        Assert.Throws<ArgumentException>(() => request.AddCookie("", "x"));
        Assert.Empty(request.Cookies);
    }

    [Fact]
    public async Task CookieValuesNeverReachTheLogsAndNeverFollowARedirectToAnotherOrigin()
    {
        var cookies = new ConcurrentQueue<string>();
        await using var other = await LoopbackServer.StartAsync((context, _) =>
        {
            cookies.Enqueue("other:" + context.Request.Headers.Cookie);
            return context.WriteJsonAsync(200, TestApi.MeetingJson);
        });
        await using var api = await LoopbackServer.StartAsync((context, _) =>
        {
            cookies.Enqueue("api:" + context.Request.Headers.Cookie);
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "meetings/42?session=" + SessionSecret).ToString();
            return Task.CompletedTask;
        });
        var request = TestApi.GetMeetingRequest();
        request.AddCookie("session", SessionSecret);

        await _harness.Create(api.BaseAddress, new StaticBearerTokenProvider("token")).SendAsync(request, TestMeeting.Read);

        Assert.Equal(new[] { "api:session=" + SessionSecret, "other:" }, cookies.ToArray());
        Assert.Contains("getMeeting", _harness.Logs.AllText);
        Assert.DoesNotContain(SessionSecret, _harness.Logs.AllText);
    }
}
