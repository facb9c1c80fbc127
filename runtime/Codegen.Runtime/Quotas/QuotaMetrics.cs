using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Numerics;
using System.Runtime.InteropServices;
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

// The last "remaining" value of one (client, policy) gauge series; empty until the first grant. A single shared
// value made every grant on every core write the same cache line (measured: the limiter at 16 threads took twice the
// store's time); so each thread writes a cell of its own, stamped with the grant's time, and a read takes the newest.
// One thread always writes the same cell, so its own grants are never reordered; grants of different threads within
// the same clock tick are concurrent, and either is "the most recent".
internal sealed class RemainingSlot
{
    private static readonly int CellCount = (int)Math.Min(64, BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, Environment.ProcessorCount * 4)));

    private readonly Cell[] _cells = new Cell[CellCount];

    public int? Value
    {
        get
        {
            long newest = 0;
            int? value = null;
            for (var i = 0; i < _cells.Length; i++)
            {
                var at = Volatile.Read(ref _cells[i].At);
                if (at > newest)
                {
                    newest = at;
                    value = Volatile.Read(ref _cells[i].Value);
                }
            }
            return value;
        }
    }

    /// <param name="remaining">Permits left after the grant.</param>
    /// <param name="atTicks">When the grant happened (UTC ticks, positive).</param>
    public void Set(int remaining, long atTicks)
    {
        ref var cell = ref _cells[Environment.CurrentManagedThreadId & (_cells.Length - 1)];
        Volatile.Write(ref cell.Value, remaining);
        Volatile.Write(ref cell.At, atTicks);
    }

    // 128 bytes with the data in the middle: cells written by different threads never share a cache line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Cell
    {
        [FieldOffset(64)]
        public long At;

        [FieldOffset(72)]
        public int Value;
    }
}
