using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>
/// Reads the quota extensions (docs/spec-extensions.md): <c>x-codegen-rate-limit-labels</c> at the root,
/// <c>x-codegen-rate-limit-label</c> and <c>x-codegen-quota</c> on operations. Each distinct quota name and each
/// label in use becomes one <see cref="QuotaModel"/>.
/// </summary>
internal sealed class QuotaReader
{
    private const string LabelsKey = "x-codegen-rate-limit-labels";
    private const string LabelKey = "x-codegen-rate-limit-label";
    private const string QuotaKey = "x-codegen-quota";
    private const string LabelPrefix = "rate-limit:";

    private readonly SpecReader _reader;
    private readonly Dictionary<string, QuotaModel> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuotaModel> _byName = new(StringComparer.Ordinal);

    public QuotaReader(SpecReader reader) => _reader = reader;

    /// <summary>Every policy used by some operation, in order of first use.</summary>
    public List<QuotaModel> Policies { get; } = new();

    public void ReadLabels(IDictionary<string, IOpenApiExtension>? extensions)
    {
        var node = SpecReader.NodeOf(extensions, LabelsKey);
        if (node is null) return;
        var pointer = "/" + LabelsKey;
        if (node is not JsonObject labels)
        {
            Invalid(LabelsKey, pointer, "it must be an object of labels");
            return;
        }
        foreach (var entry in labels)
        {
            var labelPointer = JsonPointer.Append(pointer, entry.Key);
            if (entry.Value is not JsonObject label)
            {
                Invalid(LabelsKey, labelPointer, $"the label '{entry.Key}' must be an object");
                continue;
            }
            var window = StringOf(label["window"]) ?? "fixed";
            if (window != "fixed" && window != "rolling")
            {
                Invalid(LabelsKey, JsonPointer.Append(labelPointer, "window"), $"the label '{entry.Key}' has window '{window}'; labels use 'fixed' or 'rolling'");
                continue;
            }
            if (!IsoDuration.TryParse(StringOf(label["period"]), out var ticks))
            {
                Invalid(LabelsKey, JsonPointer.Append(labelPointer, "period"), $"the label '{entry.Key}' needs a positive ISO-8601 'period' such as PT1S");
                continue;
            }
            var plans = new List<PlanLimit>();
            bool plansValid = label["plans"] is JsonObject;
            foreach (var plan in label["plans"] as JsonObject ?? new JsonObject())
            {
                if (IntOf(plan.Value) is int limit && limit >= 1)
                {
                    plans.Add(new PlanLimit(plan.Key, limit));
                }
                else
                {
                    plansValid = false;
                }
            }
            if (!plansValid || plans.Count == 0)
            {
                Invalid(LabelsKey, JsonPointer.Append(labelPointer, "plans"), $"the label '{entry.Key}' needs 'plans' mapping plan names to integer limits >= 1");
                continue;
            }
            var defaultPlan = StringOf(label["defaultPlan"]) ?? plans[0].Plan;
            var chosen = plans.FirstOrDefault(p => p.Plan == defaultPlan);
            if (chosen is null)
            {
                Invalid(LabelsKey, JsonPointer.Append(labelPointer, "defaultPlan"), $"the label '{entry.Key}' names defaultPlan '{defaultPlan}', which is not one of its plans");
                continue;
            }
            _labels[entry.Key] = new QuotaModel(
                LabelPrefix + entry.Key, chosen.Limit, window == "rolling" ? "Rolling" : "Fixed", ticks, null, false, plans.ToEquatableArray(), StringOf(label["description"]));
        }
    }

    /// <summary>The policy names an operation consumes: its quotas, then its label's policy.</summary>
    public List<string> ReadOperation(IDictionary<string, IOpenApiExtension>? extensions, string pointer, List<ParameterModel> parameters, out List<string> partitionParameters)
    {
        var names = new List<string>();
        partitionParameters = new List<string>();

        var quotaNode = SpecReader.NodeOf(extensions, QuotaKey);
        var quotaPointer = JsonPointer.Append(pointer, QuotaKey);
        if (quotaNode is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                ReadQuota(array[i], JsonPointer.Append(quotaPointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), parameters, names, partitionParameters);
            }
        }
        else if (quotaNode is not null)
        {
            ReadQuota(quotaNode, quotaPointer, parameters, names, partitionParameters);
        }

        var labelNode = SpecReader.NodeOf(extensions, LabelKey);
        if (labelNode is not null)
        {
            var labelPointer = JsonPointer.Append(pointer, LabelKey);
            var label = StringOf(labelNode);
            if (label is null)
            {
                Invalid(LabelKey, labelPointer, "it must be the name of a label");
            }
            else if (!_labels.TryGetValue(label, out var policy))
            {
                _reader.Report(Descriptors.UnknownRateLimitLabel, labelPointer, label);
            }
            else
            {
                Use(policy);
                names.Add(policy.Name);
            }
        }
        return names;
    }

    private void ReadQuota(JsonNode? node, string pointer, List<ParameterModel> parameters, List<string> names, List<string> partitionParameters)
    {
        if (node is not JsonObject quota)
        {
            Invalid(QuotaKey, pointer, "it must be an object (or a list of objects) with name, limit and window");
            return;
        }
        var name = StringOf(quota["name"]);
        if (string.IsNullOrWhiteSpace(name))
        {
            Invalid(QuotaKey, pointer, "'name' is required");
            return;
        }
        if (IntOf(quota["limit"]) is not int limit || limit < 1)
        {
            Invalid(QuotaKey, FieldOrObject(pointer, quota, "limit"), "'limit' must be an integer >= 1");
            return;
        }
        var windowText = StringOf(quota["window"]);
        string window;
        long ticks = TimeSpan.TicksPerDay;
        switch (windowText)
        {
            case "utc-day":
                window = "CalendarDayUtc";
                break;
            case "fixed":
            case "rolling":
                window = windowText == "fixed" ? "Fixed" : "Rolling";
                if (!IsoDuration.TryParse(StringOf(quota["period"]), out ticks))
                {
                    Invalid(QuotaKey, (quota.ContainsKey("period") ? JsonPointer.Append(pointer, "period") : JsonPointer.Append(pointer, "window")), $"window '{windowText}' needs a positive ISO-8601 'period' such as PT1H");
                    return;
                }
                break;
            default:
                Invalid(QuotaKey, FieldOrObject(pointer, quota, "window"), "'window' must be utc-day, fixed or rolling");
                return;
        }

        string? partition = null;
        bool ignoreCase = false;
        if (quota["partition"] is JsonObject partitionNode)
        {
            partition = StringOf(partitionNode["parameter"]);
            ignoreCase = partitionNode["ignoreCase"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
            var parameterPointer = JsonPointer.Append(pointer, "partition", "parameter");
            if (partition is null)
            {
                Invalid(QuotaKey, JsonPointer.Append(pointer, "partition"), "'partition' needs a 'parameter'");
                return;
            }
            if (!parameters.Any(p => p.Name == partition))
            {
                _reader.Report(Descriptors.UnknownPartitionParameter, parameterPointer, name!, partition);
                return;
            }
        }
        else if (quota["partition"] is not null)
        {
            Invalid(QuotaKey, JsonPointer.Append(pointer, "partition"), "'partition' must be an object with 'parameter'");
            return;
        }

        var model = new QuotaModel(name!, limit, window, ticks, partition, ignoreCase, EquatableArray<PlanLimit>.Empty, StringOf(quota["description"]));
        if (_byName.TryGetValue(name!, out var existing))
        {
            if (existing with { Description = null } != model with { Description = null })
            {
                _reader.Report(Descriptors.ConflictingQuota, pointer, name!);
                return;
            }
            model = existing;
        }
        else
        {
            _byName[name!] = model;
        }
        Use(model);
        names.Add(model.Name);
        if (partition is not null && !partitionParameters.Contains(partition)) partitionParameters.Add(partition);
    }

    private void Use(QuotaModel policy)
    {
        if (!Policies.Contains(policy)) Policies.Add(policy);
    }

    private void Invalid(string extension, string pointer, string problem) =>
        _reader.Report(Descriptors.InvalidQuotaExtension, pointer, extension, problem);

    /// <summary>Points at the field when the spec has it, else at the object that lacks it.</summary>
    private static string FieldOrObject(string pointer, JsonObject node, string field) =>
        node.ContainsKey(field) ? JsonPointer.Append(pointer, field) : pointer;

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static int? IntOf(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.GetValueKind() == JsonValueKind.Number && int.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)) return number;
        // YAML scalars may arrive as strings.
        if (value.GetValueKind() == JsonValueKind.String && int.TryParse(value.GetValue<string>(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out number)) return number;
        return null;
    }
}
