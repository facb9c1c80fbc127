using System.Numerics;
using System.Runtime.InteropServices;

namespace Codegen.Runtime.Quotas;

// A count that many threads increment at once (the limiter's granted/refused statistics): one cell per processor,
// each on its own cache lines, summed when read. One shared Interlocked counter made every grant on every core
// fight for the same cache line, and for the limiter's other fields next to it.
internal sealed class StripedCounter
{
    private readonly Cell[] _cells = new Cell[(int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount), 64)];

    public void Increment() => Interlocked.Increment(ref _cells[Thread.GetCurrentProcessorId() & (_cells.Length - 1)].Value);

    public long Read()
    {
        long sum = 0;
        for (var i = 0; i < _cells.Length; i++)
        {
            sum += Interlocked.Read(ref _cells[i].Value);
        }
        return sum;
    }

    // 128 bytes with the value in the middle: neighbours (and the array header) never share its cache line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Cell
    {
        [FieldOffset(64)]
        public long Value;
    }
}
