using Codegen.Runtime.Transport;
using Zoom.Meetings;

namespace ZoomMeetings.Running;

/// <summary>A start_url and whether it had to be fetched again.</summary>
/// <param name="StartUrl">The URL with its expiry.</param>
/// <param name="Refreshed"><see langword="true"/> when it came from a new Get a meeting call.</param>
public sealed record FreshStartUrl(ExpiringUrl StartUrl, bool Refreshed);

/// <summary>
/// Keeps a meeting's <c>start_url</c> usable. The spec marks it <c>x-codegen-expires-after: PT2H</c> and
/// <c>x-codegen-refresh-with: getMeeting</c>, so the generated client does the work
/// (<see cref="ZoomMeetingsClient.GetFreshStartUrlAsync"/>); this helper only reports whether a call was made.
/// The server stays the judge: a stale URL is replaced by the one Get a meeting returns, issued fresh on every call.
/// </summary>
public static class StartUrlFreshness
{
    /// <summary>How long a start_url lives for a regular host (the spec's <c>x-codegen-expires-after</c>).</summary>
    public static readonly TimeSpan Lifetime = ZoomMeetingsClient.StartUrlLifetime;

    /// <summary>How much life a URL must have left to be handed out (time for a person to click it).</summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromMinutes(5);

    /// <summary>The meeting's start_url with its expiry, counted from <paramref name="requestedAt"/> (never later than issue).</summary>
    public static ExpiringUrl? StartUrlOf(Meeting meeting, DateTimeOffset requestedAt) =>
        meeting.StartUrl is { Length: > 0 } url ? new ExpiringUrl(url, requestedAt, Lifetime) : null;

    /// <summary>
    /// Returns <paramref name="current"/> while it has at least <paramref name="margin"/> left by the client's clock;
    /// otherwise asks Zoom for the meeting again and returns its new start_url.
    /// </summary>
    public static async Task<FreshStartUrl> EnsureFreshStartUrlAsync(
        this ZoomMeetingsClient client, long meetingId, ExpiringUrl current, TimeSpan? margin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(current);
        var stored = new Meeting { Id = meetingId, StartUrl = current.Url };
        var fresh = await client.GetFreshStartUrlAsync(stored, current.IssuedAt, current.Lifetime, margin ?? DefaultMargin, cancellationToken);
        return fresh == current ? new FreshStartUrl(current, Refreshed: false) : new FreshStartUrl(fresh, Refreshed: true);
    }
}
