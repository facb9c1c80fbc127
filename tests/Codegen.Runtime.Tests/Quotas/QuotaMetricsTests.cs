using Xunit;
using Codegen.Runtime.Diagnostics;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class QuotaMetricsTests
{
    [Fact]
    public async Task GrantsRefusalsReturnsAndServerBlocksAreCountedPerPolicy()
    {
        // A policy name of its own, since the meter is shared with tests running in parallel.
        var policy = new QuotaPolicy { Name = "metrics-" + Guid.NewGuid().ToString("N"), PermitLimit = 2, Window = QuotaWindowKind.CalendarDayUtc };
        var operation = new Codegen.Runtime.Transport.ApiOperation("op", HttpMethod.Post, "/op", [policy.Name]);
        using var granted = new MetricCollector<long>(CodegenTelemetry.Meter, "codegen.quota.permits.granted");
        using var refused = new MetricCollector<long>(CodegenTelemetry.Meter, "codegen.quota.permits.refused");
        using var returned = new MetricCollector<long>(CodegenTelemetry.Meter, "codegen.quota.permits.returned");
        using var blocks = new MetricCollector<long>(CodegenTelemetry.Meter, "codegen.quota.server_blocks");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = new QuotaLimiter(Zoom.Api(policy), new InMemoryQuotaStore(time), new QuotaOptions(), time);
        var request = new Codegen.Runtime.Transport.ApiRequest(operation, "/op");

        var lease = (QuotaLease)limiter.AttemptAcquire(request);
        limiter.AttemptAcquire(request);
        limiter.AttemptAcquire(request);
        await limiter.ReturnAsync(lease);
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        await limiter.ObserveResponseAsync(request, response, "daily rate limit");

        static bool Mine(CollectedMeasurement<long> m, string name) => Equals(m.Tags["policy"], name);
        Assert.Equal(2, granted.GetMeasurementSnapshot().Where(m => Mine(m, policy.Name)).Sum(m => m.Value));
        var refusal = Assert.Single(refused.GetMeasurementSnapshot(), m => Mine(m, policy.Name));
        Assert.Equal("LimitReached", refusal.Tags["reason"]);
        Assert.Single(returned.GetMeasurementSnapshot(), m => Mine(m, policy.Name));
        Assert.Equal("Daily", Assert.Single(blocks.GetMeasurementSnapshot(), m => Mine(m, policy.Name)).Tags["kind"]);
    }

    [Fact]
    public void TheRemainingGaugeShowsTheMostRecentGrantPerClientAndPolicy()
    {
        var policy = new QuotaPolicy { Name = "gauge-" + Guid.NewGuid().ToString("N"), PermitLimit = 10, Window = QuotaWindowKind.CalendarDayUtc, PartitionParameter = "userId" };
        var operation = new Codegen.Runtime.Transport.ApiOperation("op", HttpMethod.Post, "/users/{userId}", [policy.Name]);
        using var gauge = new MetricCollector<int>(CodegenTelemetry.Meter, "codegen.quota.remaining");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = new QuotaLimiter(Zoom.Api(policy), new InMemoryQuotaStore(time), new QuotaOptions(), time);
        Codegen.Runtime.Transport.ApiRequest For(string user)
        {
            var request = new Codegen.Runtime.Transport.ApiRequest(operation, "/users/" + user);
            request.SetPartitionValue("userId", user);
            return request;
        }
        int? Observed()
        {
            gauge.RecordObservableInstruments();
            return gauge.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["policy"], policy.Name))?.Value;
        }

        Assert.Null(Observed()); // nothing granted yet
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.AttemptAcquire(For("alice")).IsAcquired);
        }
        Assert.Equal(7, Observed());

        Assert.True(limiter.AttemptAcquire(For("bob")).IsAcquired); // at the same moment: the newer grant wins
        Assert.Equal(9, Observed());

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire(For("alice")).IsAcquired);
        Assert.Equal(6, Observed());
    }
}
