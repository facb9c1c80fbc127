using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;

namespace Codegen.Runtime.Transport;

/// <summary>The transport's instruments. Tags carry operation ids, methods, statuses and reasons — never secrets.</summary>
internal static class TransportTelemetry
{
    public static readonly Counter<long> Calls = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.client.calls", unit: "{call}", description: "API calls by operation and outcome.");

    public static readonly Counter<long> Retries = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.client.retries", unit: "{retry}", description: "Retries by operation and reason.");

    public static readonly Counter<long> OutcomeUnknown = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.client.outcome_unknown", unit: "{call}", description: "Non-idempotent calls whose outcome is unknown (not re-sent).");

    public static readonly Histogram<double> Duration = CodegenTelemetry.Meter.CreateHistogram<double>(
        "codegen.client.call.duration", unit: "s", description: "Duration of API calls, retries included.");
}
