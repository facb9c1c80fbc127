using System.Net;

namespace Codegen.Runtime.Transport;

/// <summary>
/// A caller's stream sent as a request body, possibly by several attempts. A seekable stream is rewound to where it
/// started before each attempt; one that cannot seek may be sent again only while none of it has been read (an attempt
/// that failed before sending). The caller owns the stream: it is never disposed here.
/// </summary>
internal sealed class ReplayableStream
{
    private readonly Stream _stream;
    private readonly long _start;
    private int _readStarted;

    public ReplayableStream(Stream stream)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _start = stream.CanSeek ? stream.Position : -1;
    }

    /// <summary>False once a stream that cannot seek has been (partly) read by an attempt.</summary>
    public bool CanResend => _stream.CanSeek || Volatile.Read(ref _readStarted) == 0;

    /// <summary>The content of one attempt.</summary>
    /// <exception cref="InvalidOperationException">The stream cannot seek and an earlier attempt already read from it.</exception>
    public HttpContent CreateContent()
    {
        if (!CanResend)
        {
            throw new InvalidOperationException("The request body stream cannot seek and was already sent once; it cannot be sent again.");
        }
        return new Content(this);
    }

    private sealed class Content(ReplayableStream source) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var body = source._stream;
            if (body.CanSeek)
            {
                body.Position = source._start;
            }
            else if (Interlocked.Exchange(ref source._readStarted, 1) != 0)
            {
                throw new InvalidOperationException("The request body stream cannot seek and was already sent once; it cannot be sent again.");
            }
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            var body = source._stream;
            if (body.CanSeek)
            {
                length = Math.Max(0, body.Length - source._start);
                return true;
            }
            length = 0;
            return false;
        }

        // The caller's stream is theirs: disposing the request message must not close it (StreamContent would).
        protected override void Dispose(bool disposing) => base.Dispose(disposing);
    }
}
