using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;

namespace Codegen.Runtime.Quotas;

// Quota instruments on the runtime's meter. Tags are policy names and reasons, never partition keys.
internal static class QuotaMetrics
{
    private static readonly ConcurrentDictionary<(string Client, string Policy), int> LastRemaining = new();

    public static readonly Counter<long> Granted = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.permits.granted", "{permit}", "Permits granted by the quota limiter, per policy.");

    public static readonly Counter<long> Refused = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.permits.refused", "{permit}", "Attempts refused by the quota limiter, by refusing policy and reason.");

    public static readonly Counter<long> Returned = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.permits.returned", "{permit}", "Permits given back because the request surely was not sent.");

    public static readonly Counter<long> ServerBlocks = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.server_blocks", "{block}", "Blocks set because the server answered 429, by policy and kind.");

    public static readonly ObservableGauge<int> Remaining = CodegenTelemetry.Meter.CreateObservableGauge(
        "codegen.quota.remaining", Observe, "{permit}", "Permits left in the window of the most recent grant, per policy.");

    public static void RecordRemaining(string client, string policy, int remaining) => LastRemaining[(client, policy)] = remaining;

    private static IEnumerable<Measurement<int>> Observe()
    {
        foreach (var ((client, policy), remaining) in LastRemaining)
        {
            yield return new Measurement<int>(remaining, new KeyValuePair<string, object?>("client", client), new KeyValuePair<string, object?>("policy", policy));
        }
    }
}
