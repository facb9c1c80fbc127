using Xunit;
using System.Net;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class RefusalMessageTests
{
    [Fact]
    public void ExceptionSaysWhichLimitAndWhenItFreesUp()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 20, 48, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time);
        var request = Zoom.Create("someone@example.com");
        Zoom.CountGranted(limiter, request, 100);

        var lease = (QuotaLease)limiter.AttemptAcquire(request);
        var error = lease.ToException();

        Assert.Equal("Quota 'meeting-create-update' is used up for this key (100 per UTC day); it frees up at 2026-11-27T00:00:00Z (in 3h 12m). Nothing was sent.", error.Message);
        Assert.Equal(Zoom.DailyName, error.PolicyName);
        Assert.Equal("someone@example.com", error.PartitionKey);
        Assert.Equal(QuotaRefusalReason.LimitReached, error.Reason);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), error.RetryAt);
    }

    [Fact]
    public async Task ServerBlockMessageSaysTheServerRefused()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 59, 30, TimeSpan.Zero));
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.MaxWait = TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.Add("X-RateLimit-Type", "QPS");
        response.Headers.TryAddWithoutValidation("Retry-After", "Fri, 27 Nov 2026 00:00:02 GMT");
        await limiter.ObserveResponseAsync(Zoom.Create("someone@example.com"), response, null);

        var error = ((QuotaLease)await limiter.AcquireAsync(Zoom.Create("someone@example.com"))).ToException();

        Assert.Equal("Quota 'rate-limit:Medium' is blocked for this account because the server answered 429 (20 per second); it frees up at 2026-11-27T00:00:02Z (in 32s). Nothing was sent.", error.Message);
        Assert.DoesNotContain("someone", error.Message);
    }

    [Fact]
    public void AGrantedLeaseIsNotAnException()
    {
        var time = new FakeTimeProvider();
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time);
        var lease = (QuotaLease)limiter.AttemptAcquire(Zoom.Create("someone@example.com"));

        Assert.Throws<InvalidOperationException>(() => lease.ToException());
    }
}
