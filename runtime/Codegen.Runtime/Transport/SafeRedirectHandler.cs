using System.Net;
using Codegen.Runtime.Redaction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codegen.Runtime.Transport;

/// <summary>
/// Follows redirects itself (the primary handler must have automatic redirects off) so that credentials never follow a
/// redirect to another origin: <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c> are dropped when the
/// scheme, host or port changes. An https→http downgrade is not followed. 301/302 turn a POST into a GET, 303 turns
/// anything but HEAD into a GET; 307/308 re-send the same method and body.
/// </summary>
public sealed class SafeRedirectHandler : DelegatingHandler
{
    private readonly int _maxRedirects;
    private readonly ILogger _logger;

    /// <summary>Creates the handler; set <see cref="DelegatingHandler.InnerHandler"/> or use it in an IHttpClientFactory chain.</summary>
    /// <param name="maxRedirects">How many redirects one request may follow; past that the redirect answer is returned as is.</param>
    /// <param name="logger">Where followed redirects are logged (URLs redacted).</param>
    public SafeRedirectHandler(int maxRedirects = 5, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        _maxRedirects = maxRedirects;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Creates the handler over <paramref name="innerHandler"/> (whose automatic redirects must be off).</summary>
    public SafeRedirectHandler(HttpMessageHandler innerHandler, int maxRedirects = 5, ILogger? logger = null)
        : this(maxRedirects, logger)
    {
        InnerHandler = innerHandler ?? throw new ArgumentNullException(nameof(innerHandler));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var current = request;
        for (int hops = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
        {
            var from = current.RequestUri!;
            var target = location.IsAbsoluteUri ? location : new Uri(from, location);
            if (hops >= _maxRedirects
                || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
                || (from.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp))
            {
                return response;
            }
            bool sameOrigin = IsSameOrigin(from, target);
            var next = CreateRedirect(current, target, response.StatusCode, sameOrigin);
            TransportLog.Redirecting(_logger, (int)response.StatusCode, Redactor.RedactUrl(from), Redactor.RedactUrl(target),
                sameOrigin ? string.Empty : " (another origin: credentials dropped)");
            response.Dispose();
            if (!ReferenceEquals(current, request))
            {
                current.Content = null; // may be shared with the original request
                current.Dispose();
            }
            current = next;
            response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
        }
        return response;
    }

    /// <summary><see langword="true"/> when scheme, host and port are all equal.</summary>
    internal static bool IsSameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static HttpRequestMessage CreateRedirect(HttpRequestMessage current, Uri target, HttpStatusCode status, bool sameOrigin)
    {
        bool becomesGet = (status == HttpStatusCode.SeeOther && current.Method != HttpMethod.Head)
            || (status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && current.Method == HttpMethod.Post);
        var next = new HttpRequestMessage(becomesGet ? HttpMethod.Get : current.Method, target)
        {
            Version = current.Version,
            VersionPolicy = current.VersionPolicy,
            Content = becomesGet ? null : current.Content,
        };
        foreach (var header in current.Headers)
        {
            if (header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase) || (!sameOrigin && Redactor.IsAlwaysSecret(header.Key)))
            {
                continue;
            }
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return next;
    }
}
