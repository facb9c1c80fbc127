using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;

namespace Codegen.Runtime.Quotas;

// Quota instruments on the runtime's meter. Tags are policy names and reasons, never partition keys.
internal static class QuotaMetrics
{
    private static readonly ConcurrentDictionary<(string Client, string Policy), RemainingSlot> LastRemaining = new();

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

    // Resolved once per (client, policy) by the limiter, so a grant writes an int instead of hashing two strings.
    public static RemainingSlot SlotFor(string client, string policy) => LastRemaining.GetOrAdd((client, policy), static _ => new RemainingSlot());

    public static void RecordRemaining(string client, string policy, int remaining) => SlotFor(client, policy).Set(remaining);

    private static IEnumerable<Measurement<int>> Observe()
    {
        foreach (var ((client, policy), slot) in LastRemaining)
        {
            if (slot.Value is not { } remaining)
            {
                continue; // resolved, but nothing granted yet
            }
            yield return new Measurement<int>(remaining, new KeyValuePair<string, object?>("client", client), new KeyValuePair<string, object?>("policy", policy));
        }
    }
}

// The last "remaining" value of one (client, policy) gauge series; empty until the first grant.
internal sealed class RemainingSlot
{
    private const int Unset = int.MinValue;
    private int _value = Unset;

    public int? Value => Volatile.Read(ref _value) is var v && v != Unset ? v : null;

    public void Set(int remaining) => Volatile.Write(ref _value, remaining);
}
