using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Redaction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Codegen.Runtime.Auth;

/// <summary>
/// Zoom Server-to-Server OAuth: POSTs <c>grant_type=account_credentials&amp;account_id=…</c> with HTTP Basic client
/// credentials, caches the token until shortly before <c>expires_in</c>, and makes concurrent callers share one
/// request (single flight). A failed request fails the callers waiting on it, and the next call tries again.
/// </summary>
public sealed partial class ZoomServerToServerTokenProvider : IAccessTokenProvider
{
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private readonly Func<HttpClient> _httpClient;
    private readonly ZoomServerToServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _basicCredentials;
    private readonly Lock _gate = new();
    private CachedToken? _cached;
    private Task<CachedToken>? _refresh;

    /// <summary>Creates the provider.</summary>
    /// <param name="httpClient">The client that reaches the token endpoint (redirects should not be followed automatically).</param>
    /// <param name="options">The app's credentials and settings; validated here.</param>
    /// <param name="timeProvider">The clock for expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="logger">Where token requests are logged (never the token or the secret).</param>
    public ZoomServerToServerTokenProvider(HttpClient httpClient, ZoomServerToServerOptions options, TimeProvider? timeProvider = null, ILogger<ZoomServerToServerTokenProvider>? logger = null)
        : this(httpClient is null ? throw new ArgumentNullException(nameof(httpClient)) : () => httpClient, options, timeProvider, logger)
    {
    }

    /// <summary>Creates the provider with a client obtained per token request (from IHttpClientFactory, so handlers rotate).</summary>
    internal ZoomServerToServerTokenProvider(Func<HttpClient> httpClient, ZoomServerToServerOptions options, TimeProvider? timeProvider, ILogger<ZoomServerToServerTokenProvider>? logger)
    {
        _httpClient = httpClient;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Zoom Server-to-Server OAuth settings: " + string.Join(" ", errors), nameof(options));
        }
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.ClientId + ":" + options.ClientSecret));
    }

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        Task<CachedToken> refresh;
        lock (_gate)
        {
            if (_cached is { } cached && _time.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }
            refresh = _refresh ??= RefreshAsync();
        }
        // Each caller may stop waiting; the shared request goes on for the others.
        var token = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Token;
    }

    /// <inheritdoc />
    public bool Invalidate(string accessToken)
    {
        lock (_gate)
        {
            if (_cached is { } cached && cached.Token == accessToken)
            {
                _cached = null;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"ZoomServerToServerTokenProvider({Redactor.RedactUrl(_options.TokenEndpoint)})";

    private async Task<CachedToken> RefreshAsync()
    {
        // Leave the caller's lock before any work, so the bookkeeping below always runs after _refresh was stored.
        await Task.Yield();
        CachedToken? result = null;
        try
        {
            result = await RequestTokenAsync().ConfigureAwait(false);
            AuthTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            return result;
        }
        catch (ApiAuthenticationException exception)
        {
            AuthTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            LogTokenRequestFailed(_logger, Redactor.RedactUrl(_options.TokenEndpoint), exception.Message);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                // A failure leaves no cached state behind: the next caller starts a fresh request.
                _refresh = null;
                if (result is not null)
                {
                    _cached = result;
                }
            }
        }
    }

    private async Task<CachedToken> RequestTokenAsync()
    {
        var startedAt = _time.GetUtcNow();
        using var timeout = _options.RequestTimeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(_options.RequestTimeout, _time);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "account_credentials"),
                new("account_id", _options.AccountId),
            ]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw new ApiAuthenticationException($"The token endpoint did not answer within {_options.RequestTimeout}.", innerException: exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ApiAuthenticationException("The token endpoint could not be reached: " + Redactor.RedactText(exception.Message), exception.StatusCode, innerException: exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = ApiErrorBody.Parse(body);
                var code = error.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ReadOAuthError(body);
                var detail = string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + Redactor.RedactText(error.Message);
                throw new ApiAuthenticationException(
                    $"The token endpoint refused the request with HTTP {(int)response.StatusCode}{detail}",
                    response.StatusCode, code);
            }
            var token = ParseToken(body, response.StatusCode);
            var lifetime = TimeSpan.FromSeconds(token.ExpiresInSeconds);
            var skew = _options.RefreshBeforeExpiry ?? TimeSpan.FromTicks(Math.Min(MaxSkew.Ticks, lifetime.Ticks / 10));
            LogTokenObtained(_logger, Redactor.RedactUrl(_options.TokenEndpoint), token.ExpiresInSeconds);
            return new CachedToken(token.AccessToken, startedAt + lifetime - skew);
        }
    }

    private static (string AccessToken, long ExpiresInSeconds) ParseToken(ReadOnlySpan<byte> json, HttpStatusCode status)
    {
        string? accessToken = null, tokenType = null;
        long expiresIn = 3600;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ApiAuthenticationException("The token endpoint's answer is not a JSON object.", status);
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("access_token"u8))
                {
                    reader.Read();
                    accessToken = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("token_type"u8))
                {
                    reader.Read();
                    tokenType = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("expires_in"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds > 0)
                    {
                        expiresIn = seconds;
                    }
                    else if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), out seconds) && seconds > 0)
                    {
                        expiresIn = seconds;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // The body may hold a token: neither it nor the reader's message goes into the exception.
            throw new ApiAuthenticationException("The token endpoint's answer is not valid JSON.", status);
        }
        if (string.IsNullOrEmpty(accessToken))
        {
            throw new ApiAuthenticationException("The token endpoint's answer has no access_token.", status);
        }
        if (tokenType is not null && !tokenType.Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiAuthenticationException($"The token endpoint issued a token of type '{tokenType}'; only bearer tokens are supported.", status);
        }
        return (accessToken, expiresIn);
    }

    private static string? ReadOAuthError(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isError = reader.ValueTextEquals("error"u8);
                reader.Read();
                if (isError && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Obtained an access token from {TokenEndpoint}; it expires in {ExpiresInSeconds} s.")]
    private static partial void LogTokenObtained(ILogger logger, string tokenEndpoint, long expiresInSeconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Access token request to {TokenEndpoint} failed: {Reason}")]
    private static partial void LogTokenRequestFailed(ILogger logger, string tokenEndpoint, string reason);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt)
    {
        public override string ToString() => $"CachedToken(***, {RefreshAt:O})";
    }
}
