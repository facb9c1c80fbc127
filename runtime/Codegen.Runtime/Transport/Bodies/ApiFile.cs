namespace Codegen.Runtime.Transport;

/// <summary>
/// A file to upload: its bytes as a <see cref="Stream"/>, an optional file name and media type. Used for
/// <c>multipart/form-data</c> file parts (<c>format: binary</c> properties).
/// </summary>
/// <remarks>
/// The caller owns the stream: the client never disposes it. It is read from its current position. A seekable stream
/// is rewound to that position when a retry sends the request again; a stream that cannot seek is sent at most once
/// (a failure after its first byte was read is not retried, see <see cref="ApiRequest"/>).
/// </remarks>
public sealed class ApiFile
{
    /// <summary>Describes a file to upload.</summary>
    /// <param name="content">The bytes; read from the current position, never disposed by the client.</param>
    /// <param name="fileName">The file name sent in the part's <c>Content-Disposition</c>, or <see langword="null"/>.</param>
    /// <param name="contentType">The part's media type (e.g. <c>image/png</c>), or <see langword="null"/> for the API's default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read, or <paramref name="contentType"/> is not a media type.</exception>
    public ApiFile(Stream content, string? fileName = null, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The file's stream cannot be read.", nameof(content));
        }
        if (contentType is not null && !System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type such as 'image/png'.", nameof(contentType));
        }
        Content = content;
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file's bytes.</summary>
    public Stream Content { get; }

    /// <summary>The file name sent with the part, if any.</summary>
    public string? FileName { get; }

    /// <summary>The media type sent with the part; <see langword="null"/> means the API's declared type (or <c>application/octet-stream</c>).</summary>
    public string? ContentType { get; }

    /// <summary>A file whose bytes are already in memory (seekable, so retries can re-send it).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="fileName">The file name, or <see langword="null"/>.</param>
    /// <param name="contentType">The media type, or <see langword="null"/>.</param>
    public static ApiFile FromBytes(byte[] bytes, string? fileName = null, string? contentType = null) =>
        new(new MemoryStream(bytes ?? throw new ArgumentNullException(nameof(bytes)), writable: false), fileName, contentType);

    /// <inheritdoc/>
    public override string ToString() => $"ApiFile({FileName ?? "unnamed"}, {ContentType ?? "default type"})";
}
