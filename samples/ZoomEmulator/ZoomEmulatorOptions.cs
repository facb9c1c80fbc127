namespace ZoomEmulator;

/// <summary>
/// Settings of a <see cref="ZoomEmulatorServer"/>. Every value has a default taken from Zoom's documented behaviour
/// (see the README next to this file); tests override only what they exercise.
/// </summary>
public sealed class ZoomEmulatorOptions
{
    /// <summary>
    /// The address Kestrel listens on. Must be a loopback <c>http</c> address; port 0 (the default) picks a free port.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:0";

    /// <summary>The clock behind token expiry, <c>start_url</c> expiry, the daily and the per-second limits.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The Zoom account id a Server-to-Server OAuth token request must name.</summary>
    public string AccountId { get; set; } = "emu-account-0001";

    /// <summary>The client id expected in the token request's HTTP Basic credentials.</summary>
    public string ClientId { get; set; } = "emu-client-id";

    /// <summary>The client secret expected in the token request's HTTP Basic credentials.</summary>
    public string ClientSecret { get; set; } = "emu-client-secret";

    /// <summary>The space-separated scopes reported in token responses.</summary>
    public string Scope { get; set; } = "meeting:write:admin meeting:read:admin";

    /// <summary>Lifetime of an access token. Zoom: one hour (3600 seconds).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The e-mail address of the user that the path value <c>me</c> stands for (the app owner).</summary>
    public string OwnerEmail { get; set; } = "owner@example.com";

    /// <summary>
    /// User ids (e-mails or ids, compared case-insensitively) that do not exist: creating a meeting for them answers
    /// 404 with code 1001. Every other e-mail-like id, and <c>me</c>, exists.
    /// </summary>
    public ISet<string> UnknownUsers { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Hosts created with Zoom's <c>custCreate</c> action (compared case-insensitively): their <c>start_url</c>
    /// lives <see cref="CustCreateStartUrlLifetime"/> instead of <see cref="StartUrlLifetime"/>.
    /// </summary>
    public ISet<string> CustCreateHosts { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lifetime of a <c>start_url</c> for a regular host. Zoom: two hours.</summary>
    public TimeSpan StartUrlLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Lifetime of a <c>start_url</c> for a <c>custCreate</c> host. Zoom: 90 days.</summary>
    public TimeSpan CustCreateStartUrlLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Meeting Create/Update calls allowed per host user per UTC day. Zoom: 100.</summary>
    public int DailyCreateUpdateLimitPerUser { get; set; } = 100;

    /// <summary>Requests per second per account for the "Medium" label (Create a meeting). Zoom Pro: 20.</summary>
    public int MediumRequestsPerSecond { get; set; } = 20;

    /// <summary>Requests per second per account for the "Light" label (Get a meeting). Zoom Pro: 30.</summary>
    public int LightRequestsPerSecond { get; set; } = 30;

    /// <summary>
    /// Whether rate-limit headers (<c>X-RateLimit-*</c>, <c>Retry-After</c>) are sent. Zoom does not always send them,
    /// so clients must cope with both; <see cref="ZoomEmulatorServer.SendRateLimitHeaders"/> changes it at run time.
    /// </summary>
    public bool SendRateLimitHeaders { get; set; } = true;

    /// <summary>The IANA time zone used for a local <c>start_time</c> sent without <c>timezone</c> (the account's zone).</summary>
    public string AccountTimeZone { get; set; } = "UTC";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"Url must be an absolute http:// address, got '{Url}'.", nameof(Url));
        }

        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"Url must be a loopback address (127.0.0.1, [::1] or localhost), got '{Url}'.", nameof(Url));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        RequireText(AccountId, nameof(AccountId));
        RequireText(ClientId, nameof(ClientId));
        RequireText(ClientSecret, nameof(ClientSecret));
        RequireText(OwnerEmail, nameof(OwnerEmail));
        ArgumentNullException.ThrowIfNull(Scope, nameof(Scope));
        ArgumentNullException.ThrowIfNull(UnknownUsers, nameof(UnknownUsers));
        ArgumentNullException.ThrowIfNull(CustCreateHosts, nameof(CustCreateHosts));
        RequirePositive(TokenLifetime, nameof(TokenLifetime));
        RequirePositive(StartUrlLifetime, nameof(StartUrlLifetime));
        RequirePositive(CustCreateStartUrlLifetime, nameof(CustCreateStartUrlLifetime));
        RequirePositive(DailyCreateUpdateLimitPerUser, nameof(DailyCreateUpdateLimitPerUser));
        RequirePositive(MediumRequestsPerSecond, nameof(MediumRequestsPerSecond));
        RequirePositive(LightRequestsPerSecond, nameof(LightRequestsPerSecond));
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(AccountTimeZone ?? "", out _))
        {
            throw new ArgumentException($"AccountTimeZone '{AccountTimeZone}' is not a known time zone id.", nameof(AccountTimeZone));
        }
    }

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive, got {value}.", name);
        }
    }

    private static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"{name} must be positive, got {value}. Use int.MaxValue for no limit.", name);
        }
    }
}
