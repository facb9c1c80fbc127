using Xunit;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Tests.Transport;

public sealed class RetryTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("7", 7)]                               // delta-seconds
    [InlineData("Thu, 26 Nov 2026 12:00:09 GMT", 9)]    // HTTP-date (the harness clock is 2026-11-26T12:00:00Z)
    [InlineData("2026-11-26T12:00:11Z", 11)]           // ISO-8601, as Zoom sends it
    public async Task EachRetryAfterFormIsHonouredExactly(string retryAfter, int expectedSeconds)
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = retryAfter;
                return context.WriteJsonAsync(503, """{"code":503,"message":"Service unavailable"}""");
            }
            return context.WriteJsonAsync(200, TestApi.MeetingJson);
        });
        var invoker = _harness.Create(server.BaseAddress);

        var meeting = await invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], _harness.Delays);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ServiceUnavailableThenSuccessReturnsTheCreatedMeetingOfAPost()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? context.WriteJsonAsync(503, "{}") : context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress);

        var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        Assert.Equal("Standup", meeting.Topic);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(1)], _harness.Delays); // no Retry-After: the first backoff step
        Assert.All(server.Requests, r => Assert.Equal("""{"topic":"Standup"}""", r.Body));
    }

    [Fact]
    public async Task PerSecond429IsRetriedNoEarlierThanRetryAfter()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = "2";
                context.Response.Headers["X-RateLimit-Type"] = "QPS";
                return context.WriteJsonAsync(429, """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""");
            }
            return context.WriteJsonAsync(201, TestApi.MeetingJson);
        });
        var invoker = _harness.Create(server.BaseAddress);

        var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal([TimeSpan.FromSeconds(2)], _harness.Delays);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(2, _harness.Quota.Acquired); // a permit per attempt
        Assert.Equal(1, _harness.Quota.Returned); // the 429 was not processed, so only the 201 counts against the quota
        Assert.Equal([429, 201], _harness.Quota.Observed.Select(o => o.Status));
    }

    [Fact]
    public async Task Per429WithoutHeadersUsesBackoffAndIsRetried()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) => number == 1
            ? context.WriteJsonAsync(429, """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""")
            : context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress);

        await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        Assert.Equal([TimeSpan.FromSeconds(1)], _harness.Delays);
    }

    [Fact]
    public async Task DailyLimit429IsNotRetriedAndTheLimiterLearnsFromItsBody()
    {
        const string body = """{"code":429,"message":"You have exceeded the daily rate limit (100) of Meeting Create/Update API requests permitted for this particular user. You may resume these requests at GMT 00:00:00."}""";
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(429, body));
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(RateLimitKind.Daily, error.RateLimitKind);
        Assert.True(error.IsRateLimited);
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(_harness.Delays);
        Assert.Equal((429, body), Assert.Single(_harness.Quota.Observed));
    }

    [Fact]
    public async Task DailyLimitFromTheTypeHeaderIsNotRetried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers["X-RateLimit-Type"] = "Daily-limit";
            context.Response.Headers["X-RateLimit-Category"] = "Medium";
            context.Response.Headers.RetryAfter = "2026-11-27T00:00:00Z";
            return context.WriteJsonAsync(429, """{"code":429,"message":"Too Many Requests."}""");
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(RateLimitKind.Daily, error.RateLimitKind);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), error.RateLimit.RetryAfter);
        Assert.Equal("Medium", error.RateLimit.Category);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task RetryAfterBeyondTheLongestWaitIsNotWaitedFor()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return context.WriteJsonAsync(503, "{}");
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(_harness.Delays);
    }

    [Fact]
    public async Task AttemptsAreBoundedAndBackoffDoubles()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(503, "{}"));
        var invoker = _harness.Create(server.BaseAddress, configure: o => o.Retry.MaxAttempts = 4);

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read));

        Assert.Equal(4, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _harness.Delays);
    }

    [Fact]
    public async Task TotalRetryTimeIsBounded()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "20";
            return context.WriteJsonAsync(503, "{}");
        });
        var invoker = _harness.Create(server.BaseAddress, configure: o =>
        {
            o.Retry.MaxAttempts = 10;
            o.Retry.MaxTotalTime = TimeSpan.FromSeconds(50);
        });

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read));

        Assert.Equal([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)], _harness.Delays); // a third wait would end at 60 s
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task ABadRequestIsNotRetried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(400, """{"code":300,"message":"Invalid."}"""));
        var invoker = _harness.Create(server.BaseAddress);

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(1, server.RequestCount);
        Assert.Empty(_harness.Delays);
    }

    [Fact]
    public async Task GatewayTimeoutOnAPostIsOutcomeUnknownButOnAGetIsRetried()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(504, "{}"));
        var invoker = _harness.Create(server.BaseAddress);

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));
        Assert.Equal(1, server.RequestCount);
        Assert.IsType<ApiException>(unknown.InnerException);

        await Assert.ThrowsAsync<ApiException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read));
        Assert.Equal(1 + 3, server.RequestCount);
    }

    [Fact]
    public async Task ALocalQuotaRefusalSendsNothing()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress);
        _harness.Quota.RefuseWith = new QuotaExceededException("meeting-create-update", "me", QuotaRefusalReason.BlockedByServer,
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), "blocked");

        var refusal = await Assert.ThrowsAsync<QuotaExceededException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal("meeting-create-update", refusal.PolicyName);
        Assert.Equal(0, server.RequestCount);
        Assert.Empty(_harness.Delays);
    }

    [Fact]
    public async Task AShortLocalPerSecondRefusalIsWaitedOut()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress);
        _harness.Quota.RefuseWith = new QuotaExceededException("medium", string.Empty, QuotaRefusalReason.LimitReached,
            _harness.Time.GetUtcNow().AddMilliseconds(400), "per-second label used up");
        _harness.OnDelay = _ =>
        {
            _harness.Quota.RefuseWith = null;
            return Task.CompletedTask;
        };

        var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal([TimeSpan.FromMilliseconds(400)], _harness.Delays);
        Assert.Equal(1, server.RequestCount);
    }
}
