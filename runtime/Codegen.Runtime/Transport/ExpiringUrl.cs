using Codegen.Runtime.Redaction;

namespace Codegen.Runtime.Transport;

/// <summary>
/// A URL that stops working after a while, such as a Zoom meeting's <c>start_url</c> (2 hours for regular hosts).
/// Its <see cref="ToString"/> masks the query (the <c>zak</c> token), so it is safe to log.
/// </summary>
/// <param name="Url">The URL itself. Treat it as a secret.</param>
/// <param name="IssuedAt">When the server issued it (for example when the answer arrived).</param>
/// <param name="Lifetime">How long it stays valid after <paramref name="IssuedAt"/>.</param>
public sealed record ExpiringUrl(string Url, DateTimeOffset IssuedAt, TimeSpan Lifetime)
{
    /// <summary>When the URL stops working.</summary>
    public DateTimeOffset ExpiresAt => IssuedAt + Lifetime;

    /// <summary>
    /// <see langword="true"/> while the URL will still work for at least <paramref name="margin"/> (time to hand it to
    /// a user who then clicks it). When <see langword="false"/>, fetch a fresh one (for Zoom: Get a meeting).
    /// </summary>
    public bool IsFresh(TimeProvider timeProvider, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return timeProvider.GetUtcNow() + margin < ExpiresAt;
    }

    /// <summary>The URL with its query values masked.</summary>
    public override string ToString() => Redactor.RedactUrl(Url);
}
