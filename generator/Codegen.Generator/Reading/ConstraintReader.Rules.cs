using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Model;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

internal static partial class ConstraintReader
{
    private const string UnsupportedConditionalId = "CG0051";
    private const int MaxAllOfDepth = 8;

    /// <summary>
    /// The cross-field rules of the object schema at <paramref name="pointer"/>: <c>not: {required: […]}</c>,
    /// <c>dependentRequired</c>, and <c>if</c>/<c>then</c>/<c>else</c> whose <c>if</c> tests one property's
    /// <c>const</c>/<c>enum</c> (optionally with that property <c>required</c>), also inside <c>allOf</c> entries.
    /// Any other conditional construct adds a located warning (CG0051) to <paramref name="diagnostics"/> and is skipped.
    /// </summary>
    public static EquatableArray<ObjectRule> ReadObjectRules(IOpenApiSchema schema, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map)
    {
        var rules = new List<ObjectRule>();
        var visited = new HashSet<OpenApiSchema>();
        try
        {
            CollectRules(schema, Trim(pointer), rules, diagnostics, map, visited, 0);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An odd document shape must cost the rules, never the whole generation.
            Warn(diagnostics, map, pointer, "rules", "it could not be read (" + exception.GetType().Name + ")");
        }
        return rules.ToEquatableArray();
    }

    private static void CollectRules(IOpenApiSchema schema, string pointer, List<ObjectRule> rules, List<DiagnosticInfo> diagnostics, SourceMap map, HashSet<OpenApiSchema> visited, int depth)
    {
        var concrete = Concrete(schema);
        if (concrete is null || depth > MaxAllOfDepth || !visited.Add(concrete)) return;

        if (concrete.Not is not null)
        {
            ReadNot(concrete.Not, pointer + "/not", rules, diagnostics, map);
        }

        if (concrete.DependentRequired is { Count: > 0 } dependent)
        {
            foreach (var entry in dependent)
            {
                var requires = entry.Value?.Where(name => !string.IsNullOrEmpty(name) && name != entry.Key).ToArray() ?? Array.Empty<string>();
                if (requires.Length > 0)
                {
                    rules.Add(new DependentRequiredRule(pointer + "/dependentRequired/" + SourceMap.EscapeSegment(entry.Key), entry.Key, new EquatableArray<string>(requires)));
                }
            }
        }

        if (concrete.DependentSchemas is { Count: > 0 })
        {
            Warn(diagnostics, map, pointer + "/dependentSchemas", "dependentSchemas", "only dependentRequired is supported");
        }

        if (concrete.If is not null)
        {
            ReadConditional(concrete, pointer, rules, diagnostics, map);
        }
        else if (concrete.Then is not null || concrete.Else is not null)
        {
            Warn(diagnostics, map, pointer + (concrete.Then is not null ? "/then" : "/else"), concrete.Then is not null ? "then" : "else", "it has no 'if'");
        }

        WarnRequiredOnlyAlternatives(concrete.OneOf, "oneOf", pointer, diagnostics, map);
        WarnRequiredOnlyAlternatives(concrete.AnyOf, "anyOf", pointer, diagnostics, map);

        if (concrete.AllOf is { Count: > 0 } allOf)
        {
            for (int i = 0; i < allOf.Count; i++)
            {
                var entry = allOf[i];
                if (entry is null) continue;
                // A referenced base schema's rules are located where that schema is written.
                string entryPointer = entry is OpenApiSchemaReference reference && reference.Reference?.ReferenceV3 is { } target && target.StartsWith("#/", StringComparison.Ordinal)
                    ? target.Substring(1)
                    : pointer + "/allOf/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                CollectRules(entry, entryPointer, rules, diagnostics, map, visited, depth + 1);
            }
        }
    }

    private static void ReadNot(IOpenApiSchema not, string pointer, List<ObjectRule> rules, List<DiagnosticInfo> diagnostics, SourceMap map)
    {
        var notSchema = Concrete(not);
        var names = notSchema?.Required?.Where(name => !string.IsNullOrEmpty(name)).ToArray() ?? Array.Empty<string>();
        if (notSchema is null || names.Length == 0 || HasOtherKeywords(notSchema, allowProperties: false))
        {
            Warn(diagnostics, map, pointer, "not", "only 'not: {required: [...]}' is supported");
            return;
        }
        rules.Add(new NotAllPresentRule(pointer, new EquatableArray<string>(names)));
    }

    private static void ReadConditional(OpenApiSchema owner, string pointer, List<ObjectRule> rules, List<DiagnosticInfo> diagnostics, SourceMap map)
    {
        string ifPointer = pointer + "/if";
        var condition = ReadCondition(owner, Concrete(owner.If));
        if (condition is null)
        {
            Warn(diagnostics, map, ifPointer, "if", "only a condition on one property's const or enum value is supported");
            return;
        }
        if (owner.Then is null && owner.Else is null) return;

        var then = owner.Then is null ? new RuleSet(EquatableArray<string>.Empty, EquatableArray<PropertyConstraint>.Empty) : ReadBranch(owner.Then, pointer + "/then", diagnostics, map);
        var @else = owner.Else is null ? null : ReadBranch(owner.Else, pointer + "/else", diagnostics, map);
        rules.Add(new ConditionalRule(ifPointer, condition, then, @else));
    }

    private static RuleCondition? ReadCondition(OpenApiSchema owner, OpenApiSchema? condition)
    {
        if (condition?.Properties is not { Count: 1 } properties || HasOtherKeywords(condition, allowProperties: true)) return null;
        var property = properties.First();
        var valueSchema = property.Value;
        if (valueSchema is null || HasValueKeywordsOtherThanConstOrEnum(valueSchema)) return null;

        var required = condition.Required ?? new HashSet<string>();
        if (required.Any(name => name != property.Key)) return null;

        // A bare `const: "2"` in `if` has no type; take the type from the object's own property.
        JsonSchemaType? type = valueSchema.Type ?? (owner.Properties is { } ownerProperties && ownerProperties.TryGetValue(property.Key, out var declared) ? declared?.Type : null);
        EquatableArray<string> values;
        if (valueSchema.Enum is { Count: > 0 } enumValues)
        {
            values = enumValues.Select(value => value is null ? "null" : value.ToJsonString()).ToEquatableArray();
        }
        else if (valueSchema.Const is not null)
        {
            values = new EquatableArray<string>(new[] { ConstLiteral(valueSchema.Const, type) });
        }
        else
        {
            return null;
        }
        return new RuleCondition(property.Key, values, required.Contains(property.Key));
    }

    private static RuleSet ReadBranch(IOpenApiSchema branch, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map)
    {
        var concrete = Concrete(branch);
        var required = concrete?.Required?.Where(name => !string.IsNullOrEmpty(name)).ToArray() ?? Array.Empty<string>();
        var properties = new List<PropertyConstraint>();
        if (concrete?.Properties is { } branchProperties)
        {
            foreach (var entry in branchProperties)
            {
                if (entry.Value is null) continue;
                var constraints = ReadValue(entry.Value);
                if (constraints != ValueConstraints.None) properties.Add(new PropertyConstraint(entry.Key, constraints));
            }
        }
        if (concrete is null || HasOtherKeywords(concrete, allowProperties: true))
        {
            Warn(diagnostics, map, pointer, pointer.EndsWith("/then", StringComparison.Ordinal) ? "then" : "else",
                "only 'required' and per-property constraints are checked in a branch");
        }
        return new RuleSet(new EquatableArray<string>(required), properties.ToEquatableArray());
    }

    // oneOf/anyOf of schemas that only list `required` express "one of these fields" rules we do not check.
    private static void WarnRequiredOnlyAlternatives(IList<IOpenApiSchema>? alternatives, string keyword, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map)
    {
        if (alternatives is not { Count: > 0 }) return;
        bool requiredOnly = alternatives.All(alternative => Concrete(alternative) is { } a && a.Required is { Count: > 0 } && a.Properties is not { Count: > 0 } && a.Type is null && alternative is not OpenApiSchemaReference);
        if (requiredOnly)
        {
            Warn(diagnostics, map, pointer + "/" + keyword, keyword, "alternatives of required properties are not supported");
        }
    }

    // Keywords that would make a `not`, `if` or branch schema mean more than we check.
    private static bool HasOtherKeywords(OpenApiSchema schema, bool allowProperties) =>
        (!allowProperties && schema.Properties is { Count: > 0 })
        || schema.AllOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.OneOf is { Count: > 0 }
        || schema.Not is not null || schema.If is not null || schema.Then is not null || schema.Else is not null
        || schema.DependentRequired is { Count: > 0 } || schema.DependentSchemas is { Count: > 0 }
        || schema.PatternProperties is { Count: > 0 } || schema.MinProperties is not null || schema.MaxProperties is not null
        || schema.Enum is { Count: > 0 } || schema.Const is not null;

    private static bool HasValueKeywordsOtherThanConstOrEnum(IOpenApiSchema schema) =>
        schema.Minimum is not null || schema.Maximum is not null || schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null
        || schema.MinLength is not null || schema.MaxLength is not null || schema.Pattern is not null || schema.MultipleOf is not null
        || schema.Not is not null || schema.AllOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.OneOf is { Count: > 0 }
        || schema.Properties is { Count: > 0 } || schema.Items is not null;

    private static void Warn(List<DiagnosticInfo> diagnostics, SourceMap map, string pointer, string construct, string reason) =>
        diagnostics.Add(new DiagnosticInfo(UnsupportedConditionalId, map.Locate(pointer), new EquatableArray<string>(new[] { construct, reason })));

    private static string Trim(string pointer)
    {
        if (pointer.StartsWith("#", StringComparison.Ordinal)) pointer = pointer.Substring(1);
        return pointer == "/" ? string.Empty : pointer.TrimEnd('/');
    }
}
