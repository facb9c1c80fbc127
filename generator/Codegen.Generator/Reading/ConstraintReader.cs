using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Codegen.Generator.Model;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>
/// Reads the constraints a schema states on one value (<see cref="ReadValue"/>) and the cross-field rules of an
/// object schema (<see cref="ReadObjectRules"/>) into plain model data for the validator emitter.
/// </summary>
internal static partial class ConstraintReader
{
    private const int MaxItemsDepth = 8;

    /// <summary>
    /// The value constraints of <paramref name="schema"/>: lengths, pattern, bounds (3.0 boolean and 3.1 numeric
    /// <c>exclusive*</c> both end up as a bound plus a flag), <c>multipleOf</c>, item counts, <c>uniqueItems</c>,
    /// <c>format</c>, the items' own constraints, and <c>enum</c>/<c>const</c> as JSON literals in
    /// <see cref="ValueConstraints.AllowedValues"/> (the emitter ignores them for generated enums).
    /// </summary>
    public static ValueConstraints ReadValue(IOpenApiSchema schema) => ReadValue(schema, SchemaTargets.None, 0);

    private static ValueConstraints ReadValue(IOpenApiSchema? schema, SchemaTargets targets, int depth)
    {
        if (schema is null) return ValueConstraints.None;
        schema = targets.ValuesOf(schema);
        var (minimum, exclusiveMinimum) = Bound(schema.Minimum, schema.ExclusiveMinimum, lower: true);
        var (maximum, exclusiveMaximum) = Bound(schema.Maximum, schema.ExclusiveMaximum, lower: false);
        ValueConstraints? items = null;
        if (schema.Items is not null && depth < MaxItemsDepth)
        {
            var itemConstraints = ReadValue(schema.Items, targets, depth + 1);
            if (itemConstraints != ValueConstraints.None) items = itemConstraints;
        }

        var constraints = new ValueConstraints(
            MinLength: schema.MinLength,
            MaxLength: schema.MaxLength,
            Pattern: string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            Minimum: minimum,
            ExclusiveMinimum: exclusiveMinimum,
            Maximum: maximum,
            ExclusiveMaximum: exclusiveMaximum,
            MultipleOf: schema.MultipleOf?.ToString(CultureInfo.InvariantCulture),
            MinItems: schema.MinItems,
            MaxItems: schema.MaxItems,
            UniqueItems: schema.UniqueItems == true,
            Format: string.IsNullOrEmpty(schema.Format) ? null : schema.Format,
            Items: items);

        var allowed = AllowedValues(schema);
        return allowed.IsEmpty ? constraints : constraints with { AllowedValues = allowed };
    }

    // 3.0's `exclusiveMaximum: true` arrives from Microsoft.OpenApi already rewritten to the 3.1 numeric form;
    // 3.1 may state both keywords, and then the stricter one wins.
    private static (string? Value, bool Exclusive) Bound(string? inclusive, string? exclusive, bool lower)
    {
        bool hasInclusive = TryNumber(inclusive, out var inclusiveValue);
        bool hasExclusive = TryNumber(exclusive, out var exclusiveValue);
        if (!hasExclusive) return (hasInclusive ? inclusive!.Trim() : null, false);
        if (!hasInclusive) return (exclusive!.Trim(), true);
        bool exclusiveIsStricter = lower ? exclusiveValue >= inclusiveValue : exclusiveValue <= inclusiveValue;
        return exclusiveIsStricter ? (exclusive!.Trim(), true) : (inclusive!.Trim(), false);
    }

    private static bool TryNumber(string? text, out double value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    /// <summary><c>enum</c> entries, or the <c>const</c> value, as JSON literal text.</summary>
    internal static EquatableArray<string> AllowedValues(IOpenApiSchema schema)
    {
        if (schema.Enum is { Count: > 0 } values)
        {
            return values.Select(value => value is null ? "null" : value.ToJsonString()).ToEquatableArray();
        }
        if (schema.Const is not null)
        {
            return new EquatableArray<string>(new[] { ConstLiteral(schema.Const, schema.Type) });
        }
        return EquatableArray<string>.Empty;
    }

    // Microsoft.OpenApi keeps `const` as plain text, so its JSON type is lost; the schema's type decides whether
    // it is a string (quoted) or a number/boolean/null literal.
    internal static string ConstLiteral(string value, JsonSchemaType? type)
    {
        bool isString = type is { } t && (t & JsonSchemaType.String) != 0;
        var trimmed = value.Trim();
        // Microsoft.OpenApi turns a boolean const into .NET's "True"/"False".
        if (!isString && (trimmed == "True" || trimmed == "False")) return trimmed.ToLowerInvariant();
        if (!isString && LooksLikeJsonScalar(value)) return trimmed;
        return JsonValue.Create(value)!.ToJsonString();
    }

    private static bool LooksLikeJsonScalar(string value)
    {
        var trimmed = value.Trim();
        return trimmed is "true" or "false" or "null"
            || (trimmed.Length > 0 && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsDigit(trimmed[0]) || trimmed[0] == '-'));
    }

    /// <summary>The concrete schema behind a <c>$ref</c> (If/Then/Else only exist on the concrete class).</summary>
    internal static OpenApiSchema? Concrete(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchema concrete => concrete,
        OpenApiSchemaReference reference => reference.RecursiveTarget,
        _ => null,
    };
}
