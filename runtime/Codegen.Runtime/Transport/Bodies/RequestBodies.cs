using System.Net.Http.Headers;

namespace Codegen.Runtime.Transport;

/// <summary>The non-JSON request bodies an <see cref="ApiRequest"/> can carry, each able to create one attempt's content.</summary>
internal static class RequestBodies
{
    /// <summary>A declared media type with a wildcard (<c>image/*</c>) cannot be sent as is.</summary>
    public static MediaTypeHeaderValue MediaType(string mediaType, string fallback = "application/octet-stream") =>
        !mediaType.Contains('*', StringComparison.Ordinal) && MediaTypeHeaderValue.TryParse(mediaType, out var parsed)
            ? parsed
            : new MediaTypeHeaderValue(fallback);

    public static Func<HttpContent> Form(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var copy = fields.ToArray();
        return () => new FormUrlEncodedContent(copy);
    }

    public static Func<HttpContent> Text(string text, string mediaType)
    {
        var type = MediaType(mediaType, "text/plain");
        type.CharSet ??= "utf-8";
        var encoding = System.Text.Encoding.GetEncoding(type.CharSet);
        var bytes = encoding.GetBytes(text);
        return () => new ByteArrayContent(bytes) { Headers = { ContentType = type } };
    }

    public static Func<HttpContent> Stream(ReplayableStream stream, string mediaType)
    {
        var type = MediaType(mediaType);
        return () =>
        {
            var content = stream.CreateContent();
            content.Headers.ContentType = type;
            return content;
        };
    }
}
