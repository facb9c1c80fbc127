namespace Codegen.Runtime.Quotas;

/// <summary>
/// One limit an API states, for example "100 Create/Update Meeting calls per host user per UTC day" or
/// "Medium label: 20 calls per second per account". Generated from the spec's <c>x-codegen-quota</c> and
/// <c>x-codegen-rate-limit</c> extensions; can be overridden in code.
/// </summary>
public sealed record QuotaPolicy
{
    /// <summary>The policy name; operations that declare the same name share one count.</summary>
    public required string Name { get; init; }

    /// <summary>Permits per window when no plan-specific limit applies.</summary>
    public required int PermitLimit { get; init; }

    /// <summary>How the window is measured.</summary>
    public required QuotaWindowKind Window { get; init; }

    /// <summary>The window length for <see cref="QuotaWindowKind.Fixed"/> and <see cref="QuotaWindowKind.Rolling"/>; one day for calendar days.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The request parameter whose value keys the count (Zoom: <c>userId</c>), or <see langword="null"/> when one count
    /// covers every call of the client (account-wide labels).
    /// </summary>
    public string? PartitionParameter { get; init; }

    /// <summary>Compare partition values case-insensitively (e-mail addresses used as user ids).</summary>
    public bool PartitionIgnoreCase { get; init; }

    /// <summary>Plan-specific limits, for example Free 2, Pro 20, Business 60; chosen by the client options' plan.</summary>
    public IReadOnlyDictionary<string, int>? PlanLimits { get; init; }

    /// <summary>What the spec says about this limit.</summary>
    public string? Description { get; init; }

    /// <summary>The permit limit for a plan, falling back to <see cref="PermitLimit"/>.</summary>
    public int LimitFor(string? plan) =>
        plan is not null && PlanLimits is not null && PlanLimits.TryGetValue(plan, out var limit) ? limit : PermitLimit;
}
