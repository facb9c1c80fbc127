using System.Globalization;

namespace Codegen.Runtime.Quotas;

// Human text for refusals: which limit, when it frees up. Never contains the partition key (it may be an e-mail).
internal static class QuotaMessages
{
    public static string Refusal(QuotaCounter counter, QuotaRefusalReason reason, DateTimeOffset? retryAt, DateTimeOffset now)
    {
        var who = counter.PartitionKey.Length == 0 ? "this account" : "this key";
        var limit = LimitText(counter.Policy, counter.Limit);
        var state = reason switch
        {
            QuotaRefusalReason.BlockedByServer => $"is blocked for {who} because the server answered 429 ({limit})",
            QuotaRefusalReason.StoreUnavailable => $"could not be checked for {who} because the quota store is unavailable or full ({limit})",
            _ => $"is used up for {who} ({limit})",
        };
        var when = retryAt is { } at
            ? $"it frees up at {Timestamp(at)} (in {Duration(at - now)})"
            : "it is not known when it frees up";
        return $"Quota '{counter.Policy.Name}' {state}; {when}. Nothing was sent.";
    }

    public static string LimitText(QuotaPolicy policy, int limit) => policy.Window switch
    {
        QuotaWindowKind.CalendarDayUtc => $"{limit} per UTC day",
        QuotaWindowKind.Rolling => $"{limit} in any {Period(policy.Period, singularWithOne: true)}",
        _ => $"{limit} per {Period(policy.Period, singularWithOne: false)}",
    };

    public static string Timestamp(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var format = utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    // Rounded up to the smallest unit shown, so a wait is never understated.
    public static string Duration(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return "0s";
        }
        if (wait < TimeSpan.FromSeconds(1))
        {
            return $"{Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)} ms";
        }
        if (wait < TimeSpan.FromMinutes(1))
        {
            return $"{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";
        }
        if (wait < TimeSpan.FromHours(1))
        {
            var s = (long)Math.Ceiling(wait.TotalSeconds);
            return $"{s / 60}m {s % 60}s";
        }
        if (wait < TimeSpan.FromDays(1))
        {
            var m = (long)Math.Ceiling(wait.TotalMinutes);
            return m % 60 == 0 ? $"{m / 60}h" : $"{m / 60}h {m % 60}m";
        }
        var h = (long)Math.Ceiling(wait.TotalHours);
        return h % 24 == 0 ? $"{h / 24}d" : $"{h / 24}d {h % 24}h";
    }

    private static string Period(TimeSpan period, bool singularWithOne)
    {
        static string Unit(double n, string unit, bool one) =>
            n == 1 ? (one ? "1 " + unit : unit) : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
        if (period.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Unit(period.TotalDays, "day", singularWithOne);
        }
        if (period.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return Unit(period.TotalHours, "hour", singularWithOne);
        }
        if (period.Ticks % TimeSpan.TicksPerMinute == 0)
        {
            return Unit(period.TotalMinutes, "minute", singularWithOne);
        }
        if (period.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return Unit(period.TotalSeconds, "second", singularWithOne);
        }
        return Unit(period.TotalMilliseconds, "millisecond", singularWithOne);
    }
}
