using Xunit;
using System.Net;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class StartUrlTests
{
    [Fact]
    public async Task GetMeetingReturnsTheStoredMeetingWithAFreshStartUrl()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        using var created = await s.CreateAsync("me", """{"topic":"Renew me"}""", token);
        var meeting = await EmulatorSession.ReadObjectAsync(created);
        var id = (long)meeting["id"]!;

        using var fetched = await s.GetMeetingAsync(id.ToString(), token);

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        var again = await EmulatorSession.ReadObjectAsync(fetched);
        Assert.Equal(id, (long)again["id"]!);
        Assert.Equal("Renew me", (string?)again["topic"]);
        Assert.Equal((string?)meeting["join_url"], (string?)again["join_url"]);
        Assert.StartsWith($"https://zoom.example/s/{id}?zak=", (string?)again["start_url"]);
        Assert.NotEqual((string?)meeting["start_url"], (string?)again["start_url"]);
    }

    [Fact]
    public async Task GetMeetingAlsoFindsAMeetingByUuid()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        using var created = await s.CreateAsync("me", "{}", token);
        var meeting = await EmulatorSession.ReadObjectAsync(created);

        using var fetched = await s.GetMeetingAsync(Uri.EscapeDataString((string)meeting["uuid"]!), token);

        Assert.Equal((long)meeting["id"]!, (long)(await EmulatorSession.ReadObjectAsync(fetched))["id"]!);
    }

    [Fact]
    public async Task UnknownMeetingGets404Code3001()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.GetMeetingAsync("81234567890", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"code":3001,"message":"Meeting does not exist: 81234567890."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StartUrlExpiresTwoHoursAfterIssueAndGetMeetingRenewsIt()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        using var created = await s.CreateAsync("me", "{}", token);
        var meeting = await EmulatorSession.ReadObjectAsync(created);
        var startUrl = (string)meeting["start_url"]!;
        Assert.Equal(EmulatorSession.Start.AddHours(2), s.Server.GetStartUrlExpiry(startUrl));

        s.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.True(s.Server.IsStartUrlValid(startUrl));
        s.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(s.Server.IsStartUrlValid(startUrl));

        using var fetched = await s.GetMeetingAsync(((long)meeting["id"]!).ToString(), await s.GetTokenAsync());
        var renewed = (string)(await EmulatorSession.ReadObjectAsync(fetched))["start_url"]!;
        Assert.True(s.Server.IsStartUrlValid(renewed));
    }

    [Fact]
    public async Task CustCreateHostsGetStartUrlsThatLastNinetyDays()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.CustCreateHosts.Add("bot@example.com"));
        var token = await s.GetTokenAsync();
        using var created = await s.CreateAsync("BOT@example.com", "{}", token);
        var startUrl = (string)(await EmulatorSession.ReadObjectAsync(created))["start_url"]!;

        s.Clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.True(s.Server.IsStartUrlValid(startUrl));
        s.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(s.Server.IsStartUrlValid(startUrl));
    }

    [Fact]
    public async Task StartUrlsNotIssuedByTheEmulatorAreNotValid()
    {
        await using var s = await EmulatorSession.StartAsync();

        Assert.False(s.Server.IsStartUrlValid("https://zoom.example/s/81234567890?zak=forged"));
        Assert.Null(s.Server.GetStartUrlExpiry("not a url"));
    }
}
