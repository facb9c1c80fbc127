using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Codegen.Generator.Model;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

internal static partial class ConstraintReader
{
    private const string UnusableConstraintId = "CG0052";

    /// <summary>
    /// <see cref="ReadValue(IOpenApiSchema)"/> plus a located warning (CG0052) for each constraint the generated
    /// validator will not check: a <c>pattern</c> .NET cannot compile, a <c>multipleOf</c> that is not positive.
    /// <paramref name="pointer"/> is the schema's JSON pointer (a property or parameter schema).
    /// </summary>
    public static ValueConstraints ReadValue(IOpenApiSchema schema, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map, SchemaTargets targets)
    {
        var constraints = ReadValue(schema, targets, 0);
        CheckUsable(constraints, Trim(pointer), diagnostics, map, 0);
        return constraints;
    }

    /// <summary>
    /// How the validator compiles a JSON Schema (ECMA-262) pattern: <see langword="true"/> with .NET's ECMAScript
    /// option (ASCII <c>\w</c>, <c>\d</c>, as JSON Schema means), <see langword="false"/> with the default syntax when
    /// ECMAScript mode rejects it (e.g. <c>\p{L}</c>), <see langword="null"/> when .NET rejects it either way.
    /// </summary>
    internal static bool? PatternMode(string pattern)
    {
        if (TryCompile(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant)) return true;
        if (TryCompile(pattern, RegexOptions.CultureInvariant)) return false;
        return null;
    }

    private static bool TryCompile(string pattern, RegexOptions options)
    {
        try
        {
            _ = new Regex(pattern, options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void CheckUsable(ValueConstraints constraints, string pointer, List<DiagnosticInfo> diagnostics, SourceMap map, int depth)
    {
        if (constraints.Pattern is { } pattern && PatternMode(pattern) is null)
        {
            diagnostics.Add(new DiagnosticInfo(UnusableConstraintId, map.Locate(pointer + "/pattern"),
                new EquatableArray<string>(new[] { "pattern", ".NET cannot compile the regular expression" })));
        }
        if (constraints.MultipleOf is { } multipleOf
            && (!decimal.TryParse(multipleOf, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var factor) || factor <= 0))
        {
            diagnostics.Add(new DiagnosticInfo(UnusableConstraintId, map.Locate(pointer + "/multipleOf"),
                new EquatableArray<string>(new[] { "multipleOf", "it must be a positive number" })));
        }
        if (constraints.Items is { } items && depth < MaxItemsDepth)
        {
            CheckUsable(items, pointer + "/items", diagnostics, map, depth + 1);
        }
    }
}
