using Xunit;
using System.Net;
using ZoomEmulator.Faults;

namespace Codegen.EndToEnd.Tests.Emulator;

public sealed class FaultTests
{
    [Fact]
    public async Task DroppedConnectionLeavesTheClientWithAnErrorAndTheEmulatorWithOneReceivedCreate()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.DropConnectionNext(1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => s.CreateAsync("me", """{"topic":"lost answer"}""", token));

        Assert.True(error is HttpRequestException or IOException, $"unexpected {error.GetType()}: {error.Message}");
        Assert.Equal(1, s.Server.CreateRequestsReceived("me"));
        Assert.Equal(1, s.Server.MeetingsCreated("me")); // committed: the outcome is unknown to the client, not undone
        var logged = Assert.Single(s.Server.Requests, r => r.Path == "/v2/users/me/meetings");
        Assert.True(logged.Dropped);
        Assert.Equal(201, logged.StatusCode);
        Assert.Equal(0, s.Server.Faults.PendingCount);
    }

    [Fact]
    public async Task ServiceUnavailableFaultAnswers503WithRetryAfterThenRecovers()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.ServiceUnavailableNext(2, TimeSpan.FromSeconds(7));

        using var first = await s.CreateAsync("me", "{}", token);
        using var second = await s.CreateAsync("me", "{}", token);
        using var third = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(1, s.Server.CreateRequestsReceived("me")); // 503s are answered before the operation
        Assert.Equal(1, s.Server.MeetingsCreated("me"));
    }

    [Fact]
    public async Task FailNextAnswersTheChosenStatusWithoutProcessing()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.FailNext(1, 500);

        using var failed = await s.CreateAsync("me", "{}", token);
        using var next = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(500, (int)(await EmulatorSession.ReadObjectAsync(failed))["code"]!);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(1, s.Server.MeetingsCreated("me"));
    }

    [Fact]
    public async Task TokenScopedFaultHitsOnlyTheTokenEndpoint()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.FailNext(1, 502, FaultScope.Token);

        using var apiCall = await s.CreateAsync("me", "{}", token);
        using var tokenRequest = s.TokenRequest(s.Server.ClientId, s.Server.ClientSecret,
            $"grant_type=account_credentials&account_id={s.Server.AccountId}");
        using var failedToken = await s.Http.SendAsync(tokenRequest);
        var recovered = await s.GetTokenAsync();

        Assert.Equal(HttpStatusCode.Created, apiCall.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, failedToken.StatusCode);
        Assert.False(string.IsNullOrEmpty(recovered));
    }

    [Fact]
    public async Task FaultsAreUsedInTheOrderTheyWereArmed()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.FailNext(1, 500);
        s.Server.Faults.ServiceUnavailableNext(1, TimeSpan.FromSeconds(1));

        using var first = await s.CreateAsync("me", "{}", token);
        using var second = await s.CreateAsync("me", "{}", token);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
    }

    [Fact]
    public async Task SlowAnswerTimesTheClientOutAfterTheCreateWasCommitted()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        // A real delay far longer than the client's timeout; disposing the server cancels it.
        s.Server.Faults.DelayNext(1, TimeSpan.FromSeconds(30));
        using var impatient = new HttpClient { BaseAddress = s.Server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        using var request = EmulatorSession.CreateRequest("me", "{}", token);

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(request));

        Assert.Equal(1, s.Server.CreateRequestsReceived("me"));
        Assert.Equal(1, s.Server.MeetingsCreated("me"));
    }

    [Fact]
    public async Task SlowAnswerOnTheEmulatorClockIsSentOnlyWhenTheClockMoves()
    {
        await using var s = await EmulatorSession.StartAsync();
        var token = await s.GetTokenAsync();
        s.Server.Faults.DelayNext(1, TimeSpan.FromMinutes(5), useTimeProvider: true);

        var pending = s.CreateAsync("me", "{}", token);
        await s.Server.WaitForCreateRequestsAsync(1);
        Assert.False(pending.IsCompleted); // the fake clock has not moved, so the answer cannot be due yet

        s.Clock.Advance(TimeSpan.FromMinutes(5));
        using var response = await pending;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // "Received" is signalled when the request reaches the operation, before the meeting is stored; by the time
        // the held answer is sent, it is.
        Assert.Equal(1, s.Server.MeetingsCreated("me"));
        Assert.StartsWith("https://zoom.example/s/", (string?)(await EmulatorSession.ReadObjectAsync(response))["start_url"]);
    }

    [Fact]
    public async Task ArmingAFaultWithNonsenseValuesIsRefused()
    {
        await using var s = await EmulatorSession.StartAsync();

        Assert.Throws<ArgumentOutOfRangeException>(() => s.Server.Faults.FailNext(1, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Server.Faults.DropConnectionNext(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Server.Faults.DelayNext(1, TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, s.Server.Faults.PendingCount);
    }
}
