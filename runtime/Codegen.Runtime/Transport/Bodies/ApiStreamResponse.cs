using System.Net;
using System.Net.Http.Headers;

namespace Codegen.Runtime.Transport;

/// <summary>
/// A successful answer whose body is streamed to the caller (files, images, PDFs): nothing is buffered. It owns the
/// HTTP response and its connection until disposed, so always dispose it (<c>await using</c>).
/// </summary>
/// <remarks>
/// Retries and the attempt timeout end when the headers arrive; reading <see cref="Content"/> is bounded only by the
/// cancellation token the caller passes to its reads. <c>MaxResponseBodyBytes</c> does not apply to streamed bodies.
/// </remarks>
public sealed class ApiStreamResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private int _disposed;

    internal ApiStreamResponse(HttpResponseMessage response, Stream content)
    {
        _response = response;
        Content = content;
    }

    /// <summary>The status code (2xx).</summary>
    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The body, read once from the network.</summary>
    public Stream Content { get; }

    /// <summary>The body's media type (e.g. <c>application/pdf</c>), if the server sent one.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The body's length in bytes, if the server declared it.</summary>
    public long? ContentLength => _response.Content.Headers.ContentLength;

    /// <summary>The file name from <c>Content-Disposition</c>, if any (the RFC 6266 <c>filename*</c> form wins).</summary>
    public string? FileName
    {
        get
        {
            var disposition = _response.Content.Headers.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName;
            return name?.Trim('"');
        }
    }

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers => _response.Headers;

    /// <summary>The content headers (type, length, disposition…).</summary>
    public HttpContentHeaders ContentHeaders => _response.Content.Headers;

    /// <summary>Copies the rest of the body to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public Task CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Content.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Reads the rest of the body into memory.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = ContentLength is > 0 and < int.MaxValue ? new MemoryStream((int)ContentLength.Value) : new MemoryStream();
        await Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Closes the body and releases the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Content.Dispose();
            _response.Dispose();
        }
    }

    /// <summary>Closes the body and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await Content.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
        }
    }
}
