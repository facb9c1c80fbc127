using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Codegen.Runtime.Transport;

/// <summary>
/// The parts of a <c>multipart/form-data</c> body, in order: text values, JSON values and files. Built by generated
/// code; every attempt sends the same parts (file streams are rewound or, when they cannot seek, sent once).
/// </summary>
public sealed class MultipartBody
{
    private readonly List<Part> _parts = new();

    /// <summary>The number of parts.</summary>
    public int Count => _parts.Count;

    /// <summary>True while every file part can be sent again (see <see cref="ApiFile"/>).</summary>
    internal bool CanResend => _parts.TrueForAll(p => p.File is null || p.File.CanResend);

    /// <summary>Adds a text part (<c>text/plain; charset=utf-8</c> unless <paramref name="contentType"/> says otherwise).</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="value">The value in its wire text form.</param>
    /// <param name="contentType">The part's media type from the API's <c>encoding</c>, or <see langword="null"/>.</param>
    public MultipartBody AddText(string name, string value, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _parts.Add(new Part(name, Encoding.UTF8.GetBytes(value), contentType, null, null));
        return this;
    }

    /// <summary>Adds a part holding a JSON value (objects and arrays; <c>application/json</c> unless <paramref name="contentType"/> says otherwise).</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="write">Writes the value.</param>
    /// <param name="contentType">The part's media type from the API's <c>encoding</c>, or <see langword="null"/>.</param>
    public MultipartBody AddJson(string name, Action<Utf8JsonWriter> write, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        _parts.Add(new Part(name, buffer.WrittenSpan.ToArray(), contentType ?? "application/json", null, null));
        return this;
    }

    /// <summary>Adds a file part.</summary>
    /// <param name="name">The form field name.</param>
    /// <param name="file">The file; its own content type wins over <paramref name="contentType"/>.</param>
    /// <param name="contentType">The API's declared media type for this part, or <see langword="null"/> (then <c>application/octet-stream</c>).</param>
    public MultipartBody AddFile(string name, ApiFile file, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(file);
        _parts.Add(new Part(name, null, file.ContentType ?? contentType ?? "application/octet-stream", new ReplayableStream(file.Content), file.FileName ?? name));
        return this;
    }

    /// <summary>The content of one attempt.</summary>
    internal HttpContent CreateContent()
    {
        var content = new MultipartFormDataContent();
        try
        {
            foreach (var part in _parts)
            {
                HttpContent partContent;
                if (part.File is { } file)
                {
                    partContent = file.CreateContent();
                }
                else
                {
                    partContent = new ByteArrayContent(part.Bytes!);
                }
                partContent.Headers.ContentType = MediaType(part.ContentType);
                if (part.FileName is { } fileName)
                {
                    content.Add(partContent, part.Name, fileName);
                }
                else
                {
                    content.Add(partContent, part.Name);
                }
            }
            return content;
        }
        catch
        {
            content.Dispose();
            throw;
        }
    }

    /// <summary>A text part without a declared type is UTF-8 text; declared types without a charset are kept as given.</summary>
    private static MediaTypeHeaderValue? MediaType(string? contentType)
    {
        if (contentType is null)
        {
            return new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        }
        // The API's encoding may list several types ("image/png, image/jpeg"): the first one is sent.
        var first = contentType.Split(',')[0].Trim();
        return !first.Contains('*', StringComparison.Ordinal) && MediaTypeHeaderValue.TryParse(first, out var parsed)
            ? parsed
            : new MediaTypeHeaderValue("application/octet-stream");
    }

    private sealed record Part(string Name, byte[]? Bytes, string? ContentType, ReplayableStream? File, string? FileName);
}
