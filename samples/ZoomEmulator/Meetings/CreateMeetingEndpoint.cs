using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomEmulator.Http;
using ZoomEmulator.RateLimits;

namespace ZoomEmulator.Meetings;

/// <summary>
/// <c>POST /v2/users/{userId}/meetings</c>. Order of checks (after the bearer check): the request is counted as
/// received; the account's per-second "Medium" limit; the user must exist (404, code 1001); the host's daily
/// Create/Update allowance is taken (so a request that then fails validation still costs one of the 100, as Zoom's
/// "100 requests per day" wording suggests); the body is parsed and validated (400, code 300); the meeting is stored
/// (201).
/// </summary>
internal sealed class CreateMeetingEndpoint(EmulatorState state)
{
    public const string InvalidJsonMessage = "Request Body should be a valid JSON object.";

    public async Task HandleAsync(HttpContext context)
    {
        var userId = (string)context.Request.RouteValues["userId"]!;
        state.CountCreateReceived(userId);
        var options = state.Options;

        if (!state.PerSecond.TryConsume(RateLimitCategory.Medium, options.MediumRequestsPerSecond))
        {
            await RateLimitResponses.WritePerSecondAsync(context, RateLimitCategory.Medium, state.SendRateLimitHeaders);
            return;
        }

        var host = state.Users.Find(userId);
        if (host is null)
        {
            await JsonResponses.WriteZoomErrorAsync(context, 404, 1001, $"User does not exist: {userId}.");
            return;
        }

        if (!state.DailyLimit.TryConsume(host.Key, out var remaining))
        {
            await RateLimitResponses.WriteDailyAsync(context, state.DailyLimit.Limit, state.Clock.GetUtcNow(), state.SendRateLimitHeaders);
            return;
        }

        if (state.SendRateLimitHeaders)
        {
            RateLimitResponses.AddDailyUsage(context, state.DailyLimit.Limit, remaining);
        }

        if (await ReadObjectAsync(context) is not { } body)
        {
            await JsonResponses.WriteZoomErrorAsync(context, 400, 300, InvalidJsonMessage);
            return;
        }

        var request = MeetingValidator.Validate(body, options.AccountTimeZone, out var errors);
        if (request is null)
        {
            await JsonResponses.WriteZoomErrorAsync(context, 400, 300, "Validation Failed.", errors);
            return;
        }

        if (request.Type == 1 && request.ScheduleFor is not null)
        {
            await JsonResponses.WriteZoomErrorAsync(context, 400, 3000,
                "Instant meetings do not support the `schedule_for` parameter, and you can't schedule an instant meeting for another user.");
            return;
        }

        StoredMeeting meeting;
        do
        {
            meeting = MeetingFactory.Create(state.Meetings.NewId(), request, host, state.Clock.GetUtcNow());
        }
        while (!state.Meetings.TryAdd(meeting));

        var answer = meeting.Body();
        answer["start_url"] = state.StartUrls.Issue(meeting.Id, host);
        await JsonResponses.WriteAsync(context, 201, answer);
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            return JsonNode.Parse(buffer.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
