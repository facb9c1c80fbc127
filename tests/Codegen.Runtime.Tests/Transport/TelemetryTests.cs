using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;
using Codegen.Runtime.Transport;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

public sealed class TelemetryTests : IDisposable
{
    private readonly TransportHarness _harness = new();
    private readonly string _operationId = "telemetry-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task EachCallIsOneSpanTaggedWithOperationStatusAndAttemptsAndRetriesAreCountedByReason()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CodegenTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == _operationId)
                {
                    spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var retries = new ConcurrentQueue<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CodegenTelemetry.Name && instrument.Name == "codegen.client.retries")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(values["codegen.operation_id"], _operationId))
            {
                retries.Enqueue((string)values["codegen.retry_reason"]!);
            }
        });
        meters.Start();
        await using var server = await LoopbackServer.StartAsync((context, number) =>
            number == 1 ? context.WriteJsonAsync(503, "{}") : context.WriteJsonAsync(200, TestApi.MeetingJson));
        var invoker = _harness.Create(server.BaseAddress, new Codegen.Runtime.Auth.StaticBearerTokenProvider("span-secret-token"));

        await invoker.SendAsync(new ApiRequest(new ApiOperation(_operationId, HttpMethod.Get, "/meetings/{id}"), "meetings/1?x=1"), TestMeeting.Read);

        var span = Assert.Single(spans);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(_operationId, span.GetTagItem("codegen.operation_id"));
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(2, span.GetTagItem("codegen.attempts"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("span-secret-token") == true);
        Assert.Equal(["unavailable"], retries);
    }
}
