using System.Buffers;

namespace Codegen.Runtime.Transport;

/// <summary>
/// A growable byte buffer rented from <see cref="ArrayPool{T}"/>: the JSON request body is written into one, and the
/// answer body is read into one, so a call allocates no per-call byte arrays. Return it with <see cref="Dispose"/>.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;
    private int _length;

    public PooledBuffer(int initialCapacity = 1024) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));

    public int Length => _length;

    public byte[] Array => _array;

    public ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, _length);

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Reads a whole content stream, refusing bodies larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<PooledBuffer> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The answer body ({declared} bytes) is larger than MaxResponseBodyBytes ({maxBytes}).");
        }
        var buffer = new PooledBuffer(declared is > 0 ? (int)declared.Value : 4096);
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                int read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer;
                }
                buffer.Advance(read);
                if (buffer.Length > maxBytes)
                {
                    throw new HttpRequestException(HttpRequestError.ConfigurationLimitExceeded, $"The answer body is larger than MaxResponseBodyBytes ({maxBytes}).");
                }
            }
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        var array = _array;
        _array = System.Array.Empty<byte>();
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        int needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
