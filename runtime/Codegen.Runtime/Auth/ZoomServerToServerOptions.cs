namespace Codegen.Runtime.Auth;

/// <summary>
/// Settings of Zoom's Server-to-Server OAuth app (<c>grant_type=account_credentials</c>). The secret is never logged
/// and never appears in <see cref="ToString"/> or in an exception.
/// </summary>
public sealed class ZoomServerToServerOptions
{
    /// <summary>Zoom's token endpoint.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://zoom.us/oauth/token");

    /// <summary>The Zoom account id of the app.</summary>
    public string AccountId { get; set; } = string.Empty;

    /// <summary>The app's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The app's client secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The token endpoint; <see cref="DefaultTokenEndpoint"/> unless changed (an emulator, a proxy).</summary>
    public Uri TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>
    /// How long before <c>expires_in</c> a cached token is replaced. <see langword="null"/> (the default) means
    /// 5 minutes or 10 % of the token's lifetime, whichever is smaller.
    /// </summary>
    public TimeSpan? RefreshBeforeExpiry { get; set; }

    /// <summary>How long one token request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(AccountId))
        {
            errors.Add("ZoomServerToServerOptions.AccountId is required (the account id shown on the Server-to-Server OAuth app's page).");
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            errors.Add("ZoomServerToServerOptions.ClientId is required.");
        }
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            errors.Add("ZoomServerToServerOptions.ClientSecret is required.");
        }
        if (TokenEndpoint is null || !TokenEndpoint.IsAbsoluteUri || (TokenEndpoint.Scheme != Uri.UriSchemeHttps && TokenEndpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("ZoomServerToServerOptions.TokenEndpoint must be an absolute http(s) URL.");
        }
        if (RefreshBeforeExpiry is { } skew && skew < TimeSpan.Zero)
        {
            errors.Add("ZoomServerToServerOptions.RefreshBeforeExpiry must not be negative.");
        }
        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add("ZoomServerToServerOptions.RequestTimeout must be positive.");
        }
        return errors;
    }

    /// <inheritdoc />
    public override string ToString() => $"ZoomServerToServerOptions(AccountId={AccountId}, ClientId={ClientId}, ClientSecret=***, TokenEndpoint={TokenEndpoint})";
}
