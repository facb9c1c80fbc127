using System.Reflection;
using System.Text.RegularExpressions;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Codegen.Corpus.Running;

/// <summary>What the generator's model says it read from one spec.</summary>
/// <param name="Operations">Operations in the model.</param>
/// <param name="Types">All C# types in the model (records and enums, named and inline).</param>
/// <param name="NamedSchemaTypes">Types made from a named schema (<c>components/schemas/X</c> or <c>definitions/X</c>).</param>
/// <param name="Records">Record types.</param>
/// <param name="Enums">Enum types.</param>
/// <param name="NamedSchemas">The names of the named schemas that became types (JSON-pointer segment decoded).</param>
/// <param name="OperationKeys">The operations as <c>METHOD /path</c> (method upper-case, path as the spec writes it).</param>
public sealed record ModelCounts(int Operations, int Types, int NamedSchemaTypes, int Records, int Enums, IReadOnlySet<string> NamedSchemas, IReadOnlySet<string> OperationKeys)
{
    private static readonly Regex NamedSchemaPointer = new("^#?/(components/schemas|definitions)/(?<name>[^/]+)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Finds the <see cref="SpecModel"/> of <paramref name="specPath"/> among the tracked step outputs (directly, or as a
    /// member of a record or tuple such as a parse result), without knowing the generator's step names.
    /// </summary>
    /// <returns>The counts, or <see langword="null"/> when no step exposes a model (e.g. a stub generator).</returns>
    public static ModelCounts? Find(GeneratorDriverRunResult result, string specPath)
    {
        var models = new List<SpecModel>();
        foreach (var generator in result.Results)
        {
            foreach (var step in generator.TrackedSteps.Values.SelectMany(s => s))
            {
                foreach (var (value, _) in step.Outputs)
                {
                    if (FindModel(value, depth: 0) is { } model)
                    {
                        models.Add(model);
                    }
                }
            }
        }

        // Prefer the model of this exact file; a generator that rewrites paths still has only one spec per run.
        var chosen = models.FirstOrDefault(m => PathsMatch(m.FilePath, specPath))
            ?? (models.Select(m => m.FilePath).Distinct().Count() == 1 ? models[0] : null);
        return chosen is null ? null : From(chosen);
    }

    internal static ModelCounts From(SpecModel model)
    {
        var types = model.Types.ToArray();
        var named = types
            .Select(t => NamedSchemaPointer.Match(t.SchemaPointer))
            .Where(m => m.Success)
            .Select(m => Uri.UnescapeDataString(m.Groups["name"].Value).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        return new ModelCounts(
            model.Operations.Count,
            types.Length,
            types.Count(t => NamedSchemaPointer.IsMatch(t.SchemaPointer)),
            types.Count(t => t is RecordModel),
            types.Count(t => t is EnumModel),
            named,
            model.Operations.Select(o => o.HttpMethod.ToUpperInvariant() + " " + o.Path).ToHashSet(StringComparer.Ordinal));
    }

    private static bool PathsMatch(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static SpecModel? FindModel(object? value, int depth)
    {
        if (value is SpecModel model)
        {
            return model;
        }

        if (value is null || depth >= 2 || value is string || value.GetType().IsPrimitive)
        {
            return null;
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var type = value.GetType();
        foreach (var field in type.GetFields(flags))
        {
            if (field.FieldType.IsPointer)
            {
                continue;
            }

            var found = FindModel(field.GetValue(value), depth + 1);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
