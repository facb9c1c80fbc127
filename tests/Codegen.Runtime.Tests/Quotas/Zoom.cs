using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Tests.Quotas;

// The quota policies a Zoom spec declares (100 create/update per host per UTC day; the Medium label per account).
internal static class Zoom
{
    public const string DailyName = "meeting-create-update";
    public const string MediumName = "rate-limit:Medium";

    public static readonly QuotaPolicy Daily = new()
    {
        Name = DailyName,
        PermitLimit = 100,
        Window = QuotaWindowKind.CalendarDayUtc,
        PartitionParameter = "userId",
        PartitionIgnoreCase = true,
        Description = "100 Create/Update Meeting requests per host user per UTC day.",
    };

    public static readonly QuotaPolicy Medium = new()
    {
        Name = MediumName,
        PermitLimit = 20,
        Window = QuotaWindowKind.Fixed,
        Period = TimeSpan.FromSeconds(1),
        PlanLimits = new Dictionary<string, int> { ["Free"] = 2, ["Pro"] = 20, ["Business"] = 60 },
    };

    public static readonly ApiOperation CreateMeeting =
        new("meetingCreate", HttpMethod.Post, "/users/{userId}/meetings", [DailyName, MediumName]);

    public static readonly ApiOperation ListMeetings =
        new("meetings", HttpMethod.Get, "/users/{userId}/meetings", [MediumName]);

    public static ApiDescription Api(params QuotaPolicy[] policies) =>
        new("ZoomMeetingsClient", new Uri("https://api.zoom.us/v2"), policies.Length == 0 ? [Daily, Medium] : policies);

    public static ApiRequest Create(string userId, ApiOperation? operation = null)
    {
        var request = new ApiRequest(operation ?? CreateMeeting, $"/users/{Uri.EscapeDataString(userId)}/meetings");
        request.SetPartitionValue("userId", userId);
        return request;
    }

    // The daily quota alone, so that per-second limits do not interfere.
    public static QuotaLimiter DailyOnly(IQuotaStore store, TimeProvider time, Action<QuotaOptions>? configure = null)
    {
        var options = new QuotaOptions().DisablePolicy(MediumName);
        configure?.Invoke(options);
        return new QuotaLimiter(Api(), store, options, time);
    }

    public static QuotaLimiter Limiter(IQuotaStore store, TimeProvider time, Action<QuotaOptions>? configure = null, ApiDescription? api = null)
    {
        var options = new QuotaOptions();
        configure?.Invoke(options);
        return new QuotaLimiter(api ?? Api(), store, options, time);
    }

    public static int CountGranted(QuotaLimiter limiter, ApiRequest request, int attempts)
    {
        var granted = 0;
        for (var i = 0; i < attempts; i++)
        {
            if (limiter.AttemptAcquire(request).IsAcquired)
            {
                granted++;
            }
        }
        return granted;
    }
}
