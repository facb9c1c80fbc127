using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// Diagnostics about spec syntax, constraints and cross-field rules (ids CG0050–CG0099). The reader keeps them as
/// <see cref="Model.DiagnosticInfo"/> data; the output step finds the descriptor with <see cref="Find"/>.
/// </summary>
internal static class ValidationDescriptors
{
    private const string Category = "Codegen.OpenApi";

    /// <summary>The spec file is not well-formed YAML or JSON. Arg 0: the parser's message.</summary>
    public static readonly DiagnosticDescriptor SpecSyntaxError = new(
        "CG0050",
        "The spec file is not well-formed",
        "The spec file is not well-formed: {0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    /// <summary>A conditional or cross-field construct the validator cannot check. Arg 0: the construct, arg 1: why.</summary>
    public static readonly DiagnosticDescriptor UnsupportedConditional = new(
        "CG0051",
        "Conditional schema construct is not validated",
        "'{0}' is not validated by the generated code: {1}; the rest of the schema still generates",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    /// <summary>A constraint value the validator cannot use (e.g. a pattern .NET cannot compile). Arg 0: keyword, arg 1: why.</summary>
    public static readonly DiagnosticDescriptor UnusableConstraint = new(
        "CG0052",
        "Constraint is not validated",
        "The '{0}' constraint is not validated by the generated code: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [SpecSyntaxError.Id] = SpecSyntaxError,
        [UnsupportedConditional.Id] = UnsupportedConditional,
        [UnusableConstraint.Id] = UnusableConstraint,
    };

    /// <summary>Every descriptor in this file, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> All => ById;

    /// <summary>The descriptor with <paramref name="id"/>, or <see langword="null"/> when the id is not one of these.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;
}
