using System.Net.Http.Headers;
using System.Text;
using Codegen.Runtime.Transport.Pipeline;

namespace Codegen.Runtime.Transport;

/// <summary>Builds one attempt's <see cref="HttpRequestMessage"/> from an <see cref="ApiRequest"/>.</summary>
internal sealed class RequestMessageFactory
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private readonly string _baseAddress;

    /// <param name="baseAddress">An absolute http(s) URL; a trailing slash is added so paths append to it.</param>
    public RequestMessageFactory(Uri baseAddress)
    {
        var text = baseAddress.AbsoluteUri;
        _baseAddress = text.EndsWith('/') ? text : text + "/";
    }

    public Uri BuildUri(ApiRequest request)
    {
        var builder = new StringBuilder(_baseAddress.Length + request.Path.Length + 32);
        builder.Append(_baseAddress).Append(request.Path.AsSpan().TrimStart('/'));
        char separator = request.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in request.Query)
        {
            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    public HttpRequestMessage Create(ApiCall call)
    {
        var request = call.Request;
        var message = new HttpRequestMessage(request.Operation.Method, BuildUri(request));
        message.Headers.Accept.Add(AcceptJson);
        foreach (var (name, value) in request.Headers)
        {
            if (Redaction.Redactor.IsAlwaysSecret(name) && call.AccessToken is not null)
            {
                continue; // the token provider owns Authorization
            }
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (request.Cookies.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("Cookie", CookieHeader(request.Cookies));
        }
        if (call.AccessToken is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", call.AccessToken);
        }
        if (call.JsonBody is { } json)
        {
            // The pooled array outlives the attempt: it is returned when the call ends.
            var content = new ByteArrayContent(json.Array, 0, json.Length);
            content.Headers.ContentType = JsonMediaType;
            message.Content = content;
        }
        else if (request.ContentFactory is { } factory)
        {
            message.Content = factory();
        }
        return message;
    }

    /// <summary>The cookie parameters as one header value, <c>a=1; b=2</c>; values escaped like query values (RFC 6265 forbids <c>,</c> <c>;</c> and spaces).</summary>
    private static string CookieHeader(IReadOnlyList<KeyValuePair<string, string>> cookies)
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in cookies)
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }
            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return builder.ToString();
    }
}
