using System.Globalization;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// How a client applies its API's quotas: on or off, the account plan, how long a call may wait for a short window,
/// and per-policy overrides. Bindable from configuration; checked by <see cref="QuotaOptionsValidator"/> and again
/// against the API when a <see cref="QuotaLimiter"/> is created.
/// </summary>
public sealed class QuotaOptions
{
    /// <summary>The longest <see cref="MaxWait"/> accepted: waiting longer than this belongs in the caller's retry logic.</summary>
    public static readonly TimeSpan MaxWaitCeiling = TimeSpan.FromMinutes(5);

    /// <summary><see langword="false"/> turns every quota off (every attempt is granted, nothing is counted).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The account plan that selects plan-specific limits, for example <c>Free</c>, <c>Pro</c> or <c>Business</c>; the spec's default plan when <see langword="null"/>.</summary>
    public string? Plan { get; set; }

    /// <summary>
    /// How long <c>AcquireAsync</c> may wait for a window to roll over (or a short server block to end) instead of refusing:
    /// default one second, enough for per-second labels. <c>AttemptAcquire</c> never waits.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Overrides by policy name; a name the API does not declare adds a policy.</summary>
    public IDictionary<string, QuotaPolicyOptions> Policies { get; } = new Dictionary<string, QuotaPolicyOptions>(StringComparer.Ordinal);

    /// <summary>Turns one policy off (a shortcut for <c>Policies[name].Enabled = false</c>).</summary>
    public QuotaOptions DisablePolicy(string policyName)
    {
        PolicyOptions(policyName).Enabled = false;
        return this;
    }

    /// <summary>Sets one policy's permit limit (a shortcut for <c>Policies[name].PermitLimit = limit</c>).</summary>
    public QuotaOptions SetLimit(string policyName, int permitLimit)
    {
        PolicyOptions(policyName).PermitLimit = permitLimit;
        return this;
    }

    /// <summary>Adds a policy the API does not declare; it applies to the given operation ids, or to every operation when none are given.</summary>
    public QuotaOptions AddPolicy(QuotaPolicy policy, params string[] operationIds)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var o = PolicyOptions(policy.Name);
        o.PermitLimit = policy.PermitLimit;
        o.Window = policy.Window;
        o.Period = policy.Period;
        o.PartitionParameter = policy.PartitionParameter;
        o.PartitionIgnoreCase = policy.PartitionIgnoreCase;
        o.Description = policy.Description;
        if (policy.PlanLimits is not null)
        {
            foreach (var (plan, limit) in policy.PlanLimits)
            {
                o.PlanLimits[plan] = limit;
            }
        }
        foreach (var id in operationIds)
        {
            o.Operations.Add(id);
        }
        return this;
    }

    /// <summary>
    /// Checks the options; with <paramref name="api"/>, also that overrides fit the API's policies and that the plan is known.
    /// </summary>
    /// <returns>Clear messages, one per problem; empty when valid.</returns>
    public IReadOnlyList<string> Validate(ApiDescription? api = null)
    {
        var errors = new List<string>();
        if (MaxWait < TimeSpan.Zero || MaxWait > MaxWaitCeiling)
        {
            errors.Add($"QuotaOptions.MaxWait must be between 0 and {Format(MaxWaitCeiling)} (was {MaxWait.ToString("c", CultureInfo.InvariantCulture)}).");
        }
        if (Plan is not null && string.IsNullOrWhiteSpace(Plan))
        {
            errors.Add("QuotaOptions.Plan must be a plan name such as 'Pro', or null for the spec's default plan (was blank).");
        }
        var declared = new Dictionary<string, QuotaPolicy>(StringComparer.Ordinal);
        foreach (var policy in api?.Quotas ?? [])
        {
            declared[policy.Name] = policy;
        }
        foreach (var (name, o) in Policies)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add("QuotaOptions.Policies has an entry with a blank policy name.");
                continue;
            }
            if (o is null)
            {
                errors.Add($"Quota '{name}': the override is null.");
                continue;
            }
            if (o.PermitLimit is < 1)
            {
                errors.Add($"Quota '{name}': PermitLimit must be at least 1 (was {o.PermitLimit}). To turn the policy off, set Enabled = false.");
            }
            foreach (var (plan, limit) in o.PlanLimits)
            {
                if (limit < 1)
                {
                    errors.Add($"Quota '{name}': the limit of plan '{plan}' must be at least 1 (was {limit}).");
                }
            }
            if (o.Period is { } period && period <= TimeSpan.Zero)
            {
                errors.Add($"Quota '{name}': Period must be positive (was {period.ToString("c", CultureInfo.InvariantCulture)}).");
            }
            if (o.Window is { } w && !Enum.IsDefined(w))
            {
                errors.Add($"Quota '{name}': Window {(int)w} is not a QuotaWindowKind (use CalendarDayUtc, Fixed or Rolling).");
            }
            if (o.PartitionParameter is not null && string.IsNullOrWhiteSpace(o.PartitionParameter))
            {
                errors.Add($"Quota '{name}': PartitionParameter must name a request parameter, or be null for one count per client (was blank).");
            }
            var isDeclared = declared.TryGetValue(name, out var spec);
            if (api is not null && !isDeclared && o.Enabled)
            {
                if (o.PermitLimit is null || o.Window is null)
                {
                    var known = declared.Count == 0 ? "none" : string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));
                    errors.Add($"Quota '{name}' is not declared by the API '{api.Name}' (its quotas: {known}); to add it, set PermitLimit and Window.");
                }
            }
            var window = o.Window ?? spec?.Window;
            if (!isDeclared && window is QuotaWindowKind.Fixed or QuotaWindowKind.Rolling && o.Period is null)
            {
                errors.Add($"Quota '{name}': a {window} window needs a Period (for example 00:00:01).");
            }
        }
        if (api is not null && Plan is not null && !string.IsNullOrWhiteSpace(Plan))
        {
            foreach (var policy in declared.Values)
            {
                Policies.TryGetValue(policy.Name, out var o);
                if (o is { Enabled: false } || o?.PermitLimit is not null)
                {
                    continue;
                }
                var plans = new HashSet<string>(policy.PlanLimits?.Keys ?? [], StringComparer.OrdinalIgnoreCase);
                plans.UnionWith(o?.PlanLimits.Keys ?? []);
                if (plans.Count > 0 && !plans.Contains(Plan))
                {
                    errors.Add($"Plan '{Plan}' is not one of the plans of quota '{policy.Name}' ({string.Join(", ", plans.Order(StringComparer.Ordinal))}); set QuotaOptions.Plan to one of them or override that policy's PermitLimit.");
                }
            }
        }
        return errors;
    }

    private QuotaPolicyOptions PolicyOptions(string policyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        if (!Policies.TryGetValue(policyName, out var o) || o is null)
        {
            o = new QuotaPolicyOptions();
            Policies[policyName] = o;
        }
        return o;
    }

    private static string Format(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0} minutes" : $"{t.TotalSeconds:0} seconds";
}
