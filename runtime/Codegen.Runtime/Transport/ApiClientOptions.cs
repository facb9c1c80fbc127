namespace Codegen.Runtime.Transport;

/// <summary>
/// Settings of one generated client, named by the client name in DI (<c>IOptionsMonitor&lt;ApiClientOptions&gt;.Get(name)</c>).
/// </summary>
public sealed class ApiClientOptions
{
    /// <summary>The API's base address, for example <c>https://api.zoom.us/v2/</c>; the spec's first server when <see langword="null"/>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How long one attempt (token, send and reading the answer) may take. Default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry settings.</summary>
    public ApiRetryOptions Retry { get; set; } = new();

    /// <summary>The account's plan (for Zoom: <c>Free</c>, <c>Pro</c>, <c>Business</c>…), passed to the quota limiter to pick plan-specific limits.</summary>
    public string? Plan { get; set; }

    /// <summary>
    /// Quota settings: overrides of the spec's limits (<see cref="Quotas.QuotaOptions.SetLimit"/>,
    /// <see cref="Quotas.QuotaOptions.DisablePolicy"/>), extra policies, and how long a call may wait for a short window.
    /// When <see cref="Quotas.QuotaOptions.Plan"/> is not set, <see cref="Plan"/> is used.
    /// </summary>
    public Quotas.QuotaOptions Quotas { get; set; } = new();

    /// <summary>How many redirects the client follows (with <see cref="SafeRedirectHandler"/>). Default 5.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>The largest answer body read into memory. Default 16 MiB.</summary>
    public int MaxResponseBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Query parameters whose values may appear in logs; every other value is masked. Empty by default.</summary>
    public ISet<string> LoggedQueryParameters { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Response headers whose values may appear in logs; every other value is masked.</summary>
    public ISet<string> LoggedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Date", "Retry-After", "Location",
        "X-RateLimit-Category", "X-RateLimit-Type", "X-RateLimit-Limit", "X-RateLimit-Remaining",
        "x-zm-trackingid", "x-request-id",
    };

    /// <summary>Response headers that carry the server's request id, first match wins.</summary>
    public IList<string> RequestIdHeaders { get; } = new List<string> { "x-zm-trackingid", "x-request-id" };

    /// <summary>Every problem with these settings, each naming the property and what is allowed; empty when usable.</summary>
    /// <param name="description">The API, whose default server stands in for a missing <see cref="BaseAddress"/>.</param>
    public IReadOnlyList<string> Validate(ApiDescription? description = null)
    {
        var errors = new List<string>();
        var baseAddress = BaseAddress ?? description?.DefaultBaseAddress;
        if (baseAddress is null)
        {
            errors.Add("ApiClientOptions.BaseAddress is required: the spec declares no server. Set it to the API's absolute URL, for example https://api.zoom.us/v2/.");
        }
        else if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"ApiClientOptions.BaseAddress must be an absolute http or https URL; got '{Redaction.Redactor.RedactUrl(baseAddress.OriginalString)}'.");
        }
        else if (baseAddress.Query.Length > 0 || baseAddress.Fragment.Length > 0)
        {
            errors.Add("ApiClientOptions.BaseAddress must not have a query or a fragment.");
        }
        if (AttemptTimeout != Timeout.InfiniteTimeSpan && (AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromHours(1)))
        {
            errors.Add($"ApiClientOptions.AttemptTimeout must be between 0 and 1 hour (or Timeout.InfiniteTimeSpan); got {AttemptTimeout}.");
        }
        if (Retry is null)
        {
            errors.Add("ApiClientOptions.Retry must not be null.");
        }
        else
        {
            if (Retry.MaxAttempts is < 1 or > 10)
            {
                errors.Add($"ApiClientOptions.Retry.MaxAttempts must be between 1 and 10; got {Retry.MaxAttempts}.");
            }
            if (Retry.BaseDelay < TimeSpan.Zero)
            {
                errors.Add($"ApiClientOptions.Retry.BaseDelay must not be negative; got {Retry.BaseDelay}.");
            }
            if (Retry.MaxDelay < Retry.BaseDelay)
            {
                errors.Add($"ApiClientOptions.Retry.MaxDelay ({Retry.MaxDelay}) must not be shorter than Retry.BaseDelay ({Retry.BaseDelay}).");
            }
            if (Retry.MaxTotalTime <= TimeSpan.Zero)
            {
                errors.Add($"ApiClientOptions.Retry.MaxTotalTime must be positive; got {Retry.MaxTotalTime}.");
            }
        }
        if (MaxRedirects is < 0 or > 20)
        {
            errors.Add($"ApiClientOptions.MaxRedirects must be between 0 and 20; got {MaxRedirects}.");
        }
        if (MaxResponseBodyBytes < 1024)
        {
            errors.Add($"ApiClientOptions.MaxResponseBodyBytes must be at least 1024; got {MaxResponseBodyBytes}.");
        }
        return errors;
    }
}
