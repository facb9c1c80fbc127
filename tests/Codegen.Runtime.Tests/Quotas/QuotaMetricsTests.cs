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
}
