using Xunit;
using System.Net;
using System.Text.Json.Nodes;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class CreateMeetingTests
{
    [Fact]
    public async Task CreateAnswers201WithZoomsMeetingShape()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("Host@Example.com", """
            {"topic":"Planning","type":2,"start_time":"2026-12-01T15:00:00Z","duration":45,
             "agenda":"Q1","password":"abc@_*-1","settings":{"waiting_room":true,"join_before_host":true,"audio":"voip"},
             "tracking_fields":[{"field":"team","value":"core"}]}
            """, token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var meeting = await EmulatorSession.ReadObjectAsync(response);
        var id = (long)meeting["id"]!;
        Assert.True(id > int.MaxValue, $"id {id} should need an int64");
        Assert.False(string.IsNullOrEmpty((string?)meeting["uuid"]));
        Assert.False(string.IsNullOrEmpty((string?)meeting["host_id"]));
        Assert.Equal("Host@Example.com", (string?)meeting["host_email"]);
        Assert.Equal("Planning", (string?)meeting["topic"]);
        Assert.Equal(2, (int)meeting["type"]!);
        Assert.Equal("waiting", (string?)meeting["status"]);
        Assert.Equal("2026-12-01T15:00:00Z", (string?)meeting["start_time"]);
        Assert.Equal(45, (int)meeting["duration"]!);
        Assert.Equal("Q1", (string?)meeting["agenda"]);
        Assert.Equal("2026-11-26T10:00:00Z", (string?)meeting["created_at"]);
        Assert.Equal("abc@_*-1", (string?)meeting["password"]);
        Assert.False(string.IsNullOrEmpty((string?)meeting["h323_password"]));
        Assert.False(string.IsNullOrEmpty((string?)meeting["pstn_password"]));
        Assert.False(string.IsNullOrEmpty((string?)meeting["encrypted_password"]));
        Assert.StartsWith($"https://zoom.example/j/{id}?pwd=", (string?)meeting["join_url"]);
        Assert.StartsWith($"https://zoom.example/s/{id}?zak=", (string?)meeting["start_url"]);
        Assert.Equal("voip", (string?)meeting["settings"]!["audio"]);
        Assert.False((bool)meeting["settings"]!["join_before_host"]!); // a waiting room disables it
        Assert.Equal("core", (string?)meeting["tracking_fields"]![0]!["value"]);
        Assert.Null(meeting["occurrences"]);
        Assert.Equal(1, s.Server.MeetingsCreated("host@example.com"));
    }

    [Fact]
    public async Task LocalStartTimeIsReadInTheGivenTimezone()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me",
            """{"type":2,"start_time":"2026-07-01T09:30:00","timezone":"America/Los_Angeles"}""", token);

        var meeting = await EmulatorSession.ReadObjectAsync(response);
        Assert.Equal("2026-07-01T16:30:00Z", (string?)meeting["start_time"]);
        Assert.Equal("America/Los_Angeles", (string?)meeting["timezone"]);
    }

    [Fact]
    public async Task WeeklyRecurrenceWithFixedTimeListsItsOccurrences()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        // 2026-12-01 is a Tuesday; weekly on Monday (2) and Wednesday (4), four times.
        using var response = await s.CreateAsync("me", """
            {"type":8,"start_time":"2026-12-01T10:00:00Z","duration":30,
             "recurrence":{"type":2,"repeat_interval":1,"weekly_days":"2,4","end_times":4}}
            """, token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var meeting = await EmulatorSession.ReadObjectAsync(response);
        var starts = meeting["occurrences"]!.AsArray().Select(o => (string)o!["start_time"]!).ToArray();
        Assert.Equal(["2026-12-02T10:00:00Z", "2026-12-07T10:00:00Z", "2026-12-09T10:00:00Z", "2026-12-14T10:00:00Z"], starts);
        Assert.All(meeting["occurrences"]!.AsArray(), o => Assert.Equal("available", (string?)o!["status"]));
        Assert.Equal("2,4", (string?)meeting["recurrence"]!["weekly_days"]);
    }

    [Fact]
    public async Task MonthlyRecurrenceOnTheLastFridayStopsAtEndDateTime()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", """
            {"type":8,"start_time":"2027-01-01T08:00:00Z",
             "recurrence":{"type":3,"monthly_week":-1,"monthly_week_day":6,"end_date_time":"2027-03-31T00:00:00Z"}}
            """, token);

        var meeting = await EmulatorSession.ReadObjectAsync(response);
        var starts = meeting["occurrences"]!.AsArray().Select(o => (string)o!["start_time"]!).ToArray();
        Assert.Equal(["2027-01-29T08:00:00Z", "2027-02-26T08:00:00Z", "2027-03-26T08:00:00Z"], starts);
    }

    [Fact]
    public async Task DailyRecurrenceWithoutEndIsCappedAtSixtyOccurrences()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", """
            {"type":8,"start_time":"2027-01-01T08:00:00Z","recurrence":{"type":1,"repeat_interval":2,"end_times":0}}
            """, token);

        var occurrences = (await EmulatorSession.ReadObjectAsync(response))["occurrences"]!.AsArray();
        Assert.Equal(60, occurrences.Count);
        Assert.Equal("2027-01-03T08:00:00Z", (string?)occurrences[1]!["start_time"]);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task BodyThatIsNotAJsonObjectGets400Code300(string body)
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", body, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("""{"code":300,"message":"Request Body should be a valid JSON object."}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ValidationReportsEveryProblemAtOnceInZoomsFormat()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        var body = new JsonObject
        {
            ["topic"] = new string('t', 201),
            ["agenda"] = new string('a', 2001),
            ["password"] = "no spaces!",
            ["type"] = 5,
            ["start_time"] = "2026-12-01T10:00:00+02:00",
        };

        using var response = await s.CreateAsync("me", body.ToJsonString(), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EmulatorSession.ReadObjectAsync(response);
        Assert.Equal(300, (int)error["code"]!);
        Assert.Equal("Validation Failed.", (string?)error["message"]);
        var fields = error["errors"]!.AsArray().Select(e => (string)e!["field"]!).ToArray();
        Assert.Equal(["topic", "agenda", "password", "type", "start_time"], fields);
        Assert.All(error["errors"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty((string?)e!["message"])));
        Assert.Empty(s.Server.MeetingIds);
    }

    [Fact]
    public async Task RecurrenceRulesAreChecked()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", """
            {"type":8,"start_time":"2026-12-01T10:00:00Z",
             "recurrence":{"type":2,"repeat_interval":51,"end_times":61,"end_date_time":"2027-01-01T00:00:00Z","monthly_week":2}}
            """, token);

        var fields = (await EmulatorSession.ReadObjectAsync(response))["errors"]!.AsArray()
            .Select(e => (string)e!["field"]!).ToHashSet();
        Assert.Equal(
            ["recurrence.repeat_interval", "recurrence.weekly_days", "recurrence.monthly_week_day", "recurrence.end_times"],
            fields);
    }

    [Theory]
    [InlineData("""{"type":8,"recurrence":{"type":1,"repeat_interval":100}}""", "recurrence.repeat_interval")]
    [InlineData("""{"type":8,"recurrence":{"type":3,"repeat_interval":11}}""", "recurrence.repeat_interval")]
    [InlineData("""{"type":8,"recurrence":{"type":2,"weekly_days":"1,8"}}""", "recurrence.weekly_days")]
    [InlineData("""{"type":8,"recurrence":{"repeat_interval":1}}""", "recurrence.type")]
    [InlineData("""{"type":8}""", "recurrence")]
    [InlineData("""{"password":"12345678901"}""", "password")]
    [InlineData("""{"type":"2"}""", "type")]
    [InlineData("""{"timezone":"Mars/Olympus"}""", "timezone")]
    [InlineData("""{"settings":{"audio":"loud"}}""", "settings.audio")]
    [InlineData("""{"tracking_fields":[{"value":"x"}]}""", "tracking_fields[0].field")]
    public async Task EachRuleNamesTheFieldItRejects(string body, string field)
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", body, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await EmulatorSession.ReadObjectAsync(response))["errors"]!.AsArray();
        Assert.Equal(field, (string?)Assert.Single(errors)!["field"]);
    }

    [Fact]
    public async Task UnknownUserGets404Code1001()
    {
        await using var s = await EmulatorSession.StartAsync(o => o.UnknownUsers.Add("gone@example.com"));
        var token = await s.GetTokenAsync();

        using var listed = await s.CreateAsync("gone@example.com", "{}", token);
        using var notAnEmail = await s.CreateAsync("not-a-user", "{}", token);

        Assert.Equal(HttpStatusCode.NotFound, listed.StatusCode);
        Assert.Equal("""{"code":1001,"message":"User does not exist: gone@example.com."}""", await listed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, notAnEmail.StatusCode);
        Assert.Equal(1, s.Server.CreateRequestsReceived("gone@example.com"));
        Assert.Empty(s.Server.MeetingIds);
    }

    [Fact]
    public async Task HostIdFromAnAnswerAddressesTheSameUser()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        using var first = await s.CreateAsync("me", "{}", token);
        var hostId = (string)(await EmulatorSession.ReadObjectAsync(first))["host_id"]!;

        using var second = await s.CreateAsync(hostId, "{}", token);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(2, s.Server.MeetingsCreated(s.Server.Options.OwnerEmail));
        Assert.Equal(2, s.Server.DailyUsage("me"));
    }

    [Fact]
    public async Task InstantMeetingForAnotherUserGets400Code3000()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();

        using var response = await s.CreateAsync("me", """{"type":1,"schedule_for":"other@example.com"}""", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3000, (int)(await EmulatorSession.ReadObjectAsync(response))["code"]!);
    }
}
