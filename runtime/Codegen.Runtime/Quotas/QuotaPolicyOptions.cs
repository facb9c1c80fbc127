namespace Codegen.Runtime.Quotas;

/// <summary>
/// Changes one quota policy in code (or configuration), or adds one the spec does not declare. Every property is
/// optional for a policy the spec declares; an added policy needs at least <see cref="PermitLimit"/> and <see cref="Window"/>.
/// </summary>
public sealed class QuotaPolicyOptions
{
    /// <summary><see langword="false"/> turns the policy off: no permits are counted for it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A new permit limit per window; wins over the plan's limit.</summary>
    public int? PermitLimit { get; set; }

    /// <summary>Plan-specific limits to add or change (plan names compare case-insensitively).</summary>
    public IDictionary<string, int> PlanLimits { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A different window kind (required for an added policy).</summary>
    public QuotaWindowKind? Window { get; set; }

    /// <summary>A different period (required for an added fixed or rolling policy).</summary>
    public TimeSpan? Period { get; set; }

    /// <summary>The request parameter that keys the count; for an added policy, absent means one count for the client.</summary>
    public string? PartitionParameter { get; set; }

    /// <summary>Compare partition values case-insensitively.</summary>
    public bool? PartitionIgnoreCase { get; set; }

    /// <summary>
    /// Operation ids this policy also applies to. For an added policy an empty list means every operation of the API.
    /// </summary>
    public IList<string> Operations { get; } = new List<string>();

    /// <summary>A description for messages and status output.</summary>
    public string? Description { get; set; }
}
