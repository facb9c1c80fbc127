using System.Collections.Concurrent;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Quotas;

/// <summary>A policy as enforced: the spec's policy with overrides applied, and the limit for the chosen plan.</summary>
/// <param name="Policy">The policy after overrides.</param>
/// <param name="Limit">The permit limit in force.</param>
internal sealed record EffectiveQuota(QuotaPolicy Policy, int Limit);

// The spec's policies with the code's overrides applied, and which of them each operation consumes.
internal sealed class QuotaPolicySet
{
    private static readonly IReadOnlyDictionary<string, int> NoPlans = new Dictionary<string, int>();

    private readonly Dictionary<string, EffectiveQuota> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);
    private readonly List<EffectiveQuota> _forEveryOperation = new();
    private readonly Dictionary<string, List<EffectiveQuota>> _extraByOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ApiOperation, EffectiveQuota[]> _byOperation = new(ReferenceEqualityComparer.Instance);

    public QuotaPolicySet(ApiDescription api, QuotaOptions options)
    {
        var errors = options.Validate(api);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(QuotaOptions), typeof(QuotaOptions), errors);
        }
        foreach (var spec in api.Quotas)
        {
            options.Policies.TryGetValue(spec.Name, out var o);
            if (o is { Enabled: false })
            {
                _disabled.Add(spec.Name);
                continue;
            }
            var effective = Apply(spec, o, options.Plan);
            _byName[spec.Name] = effective;
            AddOperations(effective, o, addedPolicy: false);
        }
        foreach (var (name, o) in options.Policies)
        {
            if (_byName.ContainsKey(name) || _disabled.Contains(name))
            {
                continue;
            }
            if (!o.Enabled)
            {
                _disabled.Add(name);
                continue;
            }
            var added = new QuotaPolicy
            {
                Name = name,
                PermitLimit = o.PermitLimit!.Value,
                Window = o.Window!.Value,
            };
            var effective = Apply(added, o, options.Plan);
            _byName[name] = effective;
            AddOperations(effective, o, addedPolicy: true);
        }
    }

    public IEnumerable<EffectiveQuota> All => _byName.Values;

    public bool TryGet(string name, out EffectiveQuota quota) => _byName.TryGetValue(name, out quota!);

    public bool IsDisabled(string name) => _disabled.Contains(name);

    /// <summary>The quotas one call of <paramref name="operation"/> consumes, in the operation's order, each once.</summary>
    // Built once per operation; unknownPolicy is called while building, so each unknown name is reported once.
    public EffectiveQuota[] For(ApiOperation operation, Action<ApiOperation, string>? unknownPolicy = null) =>
        _byOperation.GetOrAdd(operation, op =>
        {
            var list = new List<EffectiveQuota>();
            foreach (var name in op.QuotaPolicies)
            {
                if (_byName.TryGetValue(name, out var q))
                {
                    list.Add(q);
                }
                else if (!_disabled.Contains(name))
                {
                    unknownPolicy?.Invoke(op, name);
                }
            }
            list.AddRange(_forEveryOperation);
            if (_extraByOperation.TryGetValue(op.OperationId, out var extra))
            {
                list.AddRange(extra);
            }
            return list.DistinctBy(q => q.Policy.Name, StringComparer.Ordinal).ToArray();
        });

    private static EffectiveQuota Apply(QuotaPolicy spec, QuotaPolicyOptions? o, string? plan)
    {
        var plans = new Dictionary<string, int>(spec.PlanLimits ?? NoPlans, StringComparer.OrdinalIgnoreCase);
        if (o is not null)
        {
            foreach (var (p, planLimit) in o.PlanLimits)
            {
                plans[p] = planLimit;
            }
        }
        var window = o?.Window ?? spec.Window;
        var policy = spec with
        {
            PermitLimit = o?.PermitLimit ?? spec.PermitLimit,
            Window = window,
            Period = window == QuotaWindowKind.CalendarDayUtc ? TimeSpan.FromDays(1) : o?.Period ?? spec.Period,
            PartitionParameter = o?.PartitionParameter ?? spec.PartitionParameter,
            PartitionIgnoreCase = o?.PartitionIgnoreCase ?? spec.PartitionIgnoreCase,
            PlanLimits = plans.Count == 0 ? null : plans,
            Description = o?.Description ?? spec.Description,
        };
        var limit = o?.PermitLimit ?? policy.LimitFor(plan);
        return new EffectiveQuota(policy, limit);
    }

    private void AddOperations(EffectiveQuota quota, QuotaPolicyOptions? o, bool addedPolicy)
    {
        if (o is null)
        {
            return;
        }
        if (addedPolicy && o.Operations.Count == 0)
        {
            _forEveryOperation.Add(quota);
            return;
        }
        foreach (var id in o.Operations)
        {
            if (!_extraByOperation.TryGetValue(id, out var list))
            {
                _extraByOperation[id] = list = new List<EffectiveQuota>();
            }
            list.Add(quota);
        }
    }
}
