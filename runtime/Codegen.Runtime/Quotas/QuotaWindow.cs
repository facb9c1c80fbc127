namespace Codegen.Runtime.Quotas;

/// <summary>How a quota's window is measured.</summary>
public enum QuotaWindowKind
{
    /// <summary>A calendar day that starts at 00:00 UTC whatever the local time zone (Zoom's daily limits).</summary>
    CalendarDayUtc,

    /// <summary>Fixed windows of <see cref="QuotaPolicy.Period"/> aligned to the Unix epoch (per-second labels).</summary>
    Fixed,

    /// <summary>A window of <see cref="QuotaPolicy.Period"/> that ends now (APIs that count "the last 24 hours").</summary>
    Rolling,
}
