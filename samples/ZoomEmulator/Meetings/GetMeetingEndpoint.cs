using System.Text.Json.Nodes;
using ZoomEmulator.Http;
using ZoomEmulator.RateLimits;

namespace ZoomEmulator.Meetings;

/// <summary>
/// <c>GET /v2/meetings/{meetingId}</c> (numeric id or uuid): the stored meeting with a freshly issued
/// <c>start_url</c>, as Zoom recommends for renewing an expired one. Counts against the "Light" per-second limit.
/// An unknown meeting gets 404 with code 3001 "Meeting does not exist: {meetingId}." (Zoom's usual answer; not in
/// our fact sheets).
/// </summary>
internal sealed class GetMeetingEndpoint(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        // Kestrel leaves an encoded '/' (%2F) in a path segment; a uuid may contain '/' (Zoom asks for double encoding).
        var meetingId = Uri.UnescapeDataString((string)context.Request.RouteValues["meetingId"]!);
        if (!state.PerSecond.TryConsume(RateLimitCategory.Light, state.Options.LightRequestsPerSecond))
        {
            await RateLimitResponses.WritePerSecondAsync(context, RateLimitCategory.Light, state.SendRateLimitHeaders);
            return;
        }

        if (state.Meetings.Find(meetingId) is not { } meeting)
        {
            await JsonResponses.WriteZoomErrorAsync(context, 404, 3001, $"Meeting does not exist: {meetingId}.");
            return;
        }

        var answer = meeting.Body();
        answer["start_url"] = state.StartUrls.Issue(meeting.Id, meeting.Host);
        await JsonResponses.WriteAsync(context, 200, answer);
    }
}
