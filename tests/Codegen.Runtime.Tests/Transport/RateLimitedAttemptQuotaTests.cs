using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>
/// A request the server refused with a 429 was not processed, so it must not count against the local quota: with the
/// real limiter and store, the local daily count stays equal to the server's.
/// </summary>
public sealed class RateLimitedAttemptQuotaTests : IDisposable
{
    private readonly TransportHarness _harness = new();

    [Fact]
    public async Task APerSecond429ThenSuccessCountsOneCallAgainstTheDailyQuota()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                context.Response.Headers["X-RateLimit-Type"] = "QPS";
                return context.WriteJsonAsync(429, """{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}""");
            }
            return context.WriteJsonAsync(201, TestApi.MeetingJson);
        });
        var description = new ApiDescription("TestZoom", server.BaseAddress,
        [
            new QuotaPolicy
            {
                Name = "meeting-create-update",
                PermitLimit = 100,
                Window = QuotaWindowKind.CalendarDayUtc,
                PartitionParameter = "userId",
                PartitionIgnoreCase = true,
            },
        ]);
        using var store = new InMemoryQuotaStore(_harness.Time);
        var limiter = new QuotaLimiter(description, store, new QuotaOptions(), _harness.Time);
        var invoker = _harness.Create(server.BaseAddress, limiter);

        var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest("host@example.com"), TestMeeting.Read);

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal(2, server.RequestCount); // the 429, then the retry that the server processed
        var status = await limiter.GetStatusAsync("meeting-create-update", "host@example.com");
        Assert.Equal(1, status.Used);
        Assert.Equal(99, status.Remaining);
    }

    public void Dispose() => _harness.Dispose();
}
