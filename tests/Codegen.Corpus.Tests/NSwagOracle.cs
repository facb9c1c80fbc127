using NJsonSchema;
using NSwag;

namespace Codegen.Corpus.Tests;

/// <summary>A spec as NSwag (a second, independent reader) sees it.</summary>
public sealed class NSwagOracle
{
    private readonly OpenApiDocument? _document;

    private NSwagOracle(OpenApiDocument? document, string? error)
    {
        _document = document;
        Error = error;
    }

    /// <summary>Why NSwag could not read the spec, or <see langword="null"/>.</summary>
    public string? Error { get; }

    /// <summary>Operations under <c>paths</c> as <c>METHOD /path</c>.</summary>
    public IReadOnlySet<string> OperationKeys => _document is null
        ? new HashSet<string>()
        : _document.Operations.Select(o => o.Method.ToUpperInvariant() + " " + o.Path).ToHashSet(StringComparer.Ordinal);

    /// <summary>Named schemas (<c>components/schemas</c> or <c>definitions</c>).</summary>
    public IReadOnlySet<string> SchemaNames => _document?.Definitions.Keys.ToHashSet(StringComparer.Ordinal) ?? [];

    /// <summary>Reads <paramref name="path"/> with NSwag, passing the path so relative <c>$ref</c>s resolve; never throws.</summary>
    public static async Task<NSwagOracle> ReadAsync(string path)
    {
        try
        {
            var text = await File.ReadAllTextAsync(path);
            var document = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                ? await OpenApiDocument.FromJsonAsync(text, path)
                : await OpenApiYamlDocument.FromYamlAsync(text, path);
            return new NSwagOracle(document, null);
        }
        catch (Exception ex)
        {
            return new NSwagOracle(null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// The named schemas that our rules turn into C# types, computed on NSwag's object graph: reachable from the given
    /// operations (parameters, request bodies, every response) through properties, array items, map values, <c>oneOf</c>/<c>anyOf</c> branches
    /// and a lone <c>allOf</c> member of a schema without properties, and shaped like a type (a string/integer <c>enum</c>, or an object with properties or an
    /// <c>allOf</c> of several; not a bare <c>$ref</c> to another schema). A schema met only as a member of an <c>allOf</c> of several is merged into the schema that lists it and
    /// is not a type of its own; a <c>oneOf</c>/<c>anyOf</c> of several (without properties beside it) is a union type and each
    /// of its branches is reached as a type.
    /// </summary>
    /// <returns>
    /// One set of names per expected type: NSwag resolves a schema that is only a <c>$ref</c> to another named schema
    /// into the same object, so such aliases share a set, and the generator is expected to emit one of the names.
    /// </returns>
    public IReadOnlyList<IReadOnlySet<string>> ExpectedTypeSchemas(IReadOnlySet<string> operationKeys)
    {
        if (_document is null)
        {
            return [];
        }

        var reached = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var expanded = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        foreach (var description in _document.Operations.Where(o => operationKeys.Contains(o.Method.ToUpperInvariant() + " " + o.Path)))
        {
            var operation = description.Operation;
            foreach (var parameter in operation.ActualParameters)
            {
                Visit(parameter.Schema, reached, expanded, asType: true);
                Visit(parameter, reached, expanded, asType: true);
            }

            foreach (var media in operation.RequestBody?.ActualRequestBody.Content.Values ?? [])
            {
                Visit(media.Schema, reached, expanded, asType: true);
            }

            foreach (var response in operation.ActualResponses.Values.Select(r => r.ActualResponse))
            {
                Visit(response.Schema, reached, expanded, asType: true);
                foreach (var media in response.Content.Values)
                {
                    Visit(media.Schema, reached, expanded, asType: true);
                }
            }
        }

        return _document.Definitions
            .Where(d => reached.Contains(d.Value) && MakesType(d.Value))
            .GroupBy(d => d.Value, ReferenceEqualityComparer.Instance)
            .Select(g => (IReadOnlySet<string>)g.Select(d => d.Key).ToHashSet(StringComparer.Ordinal))
            .ToList();
    }

    private static bool MakesType(JsonSchema schema)
    {
        if (schema.Reference is not null)
        {
            return false; // a named alias of another schema: the target is the type
        }

        var type = schema.Type & ~JsonObjectType.Null;
        if (schema.Enumeration.Count > 0 && (type == JsonObjectType.String || type == JsonObjectType.Integer))
        {
            return true;
        }

        if (schema.Properties.Count == 0 && (schema.OneOf.Count > 1 || schema.AnyOf.Count > 1))
        {
            return true; // a union of several branches is a type of its own
        }

        return (type == JsonObjectType.Object || type == JsonObjectType.None) && (schema.Properties.Count > 0 || StructuralAllOfCount(schema) > 1);
    }

    /// <summary>
    /// allOf members that shape the value; a member with only annotations (description, readOnly, nullable…) is how
    /// 3.0 documents describe a <c>$ref</c>, and does not make the allOf a composition.
    /// </summary>
    private static int StructuralAllOfCount(JsonSchema schema) => schema.AllOf.Count(member => !IsAnnotationOnly(member));

    private static bool IsAnnotationOnly(JsonSchema schema) =>
        schema.Reference is null
        && (schema.Type & ~JsonObjectType.Null) == JsonObjectType.None
        && schema.Properties.Count == 0 && schema.AllOf.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0
        && schema.Item is null && schema.Items.Count == 0 && schema.AdditionalPropertiesSchema is null
        && schema.Enumeration.Count == 0 && schema.RequiredProperties.Count == 0 && schema.DiscriminatorObject is null
        && schema.Not is null && string.IsNullOrEmpty(schema.Format) && string.IsNullOrEmpty(schema.Pattern)
        && schema.MinLength is null && schema.MaxLength is null && schema.Minimum is null && schema.Maximum is null
        && schema.MultipleOf is null && schema.MinItems == 0 && schema.MaxItems == 0
        && schema.MinProperties == 0 && schema.MaxProperties == 0 && schema.PatternProperties.Count == 0;

    private static void Visit(JsonSchema? schema, HashSet<JsonSchema> reached, HashSet<JsonSchema> expanded, bool asType)
    {
        if (schema is null)
        {
            return;
        }

        if (asType)
        {
            reached.Add(schema);
        }

        if (!expanded.Add(schema))
        {
            return;
        }

        Visit(schema.Reference, reached, expanded, asType);
        foreach (var property in schema.Properties.Values)
        {
            Visit(property, reached, expanded, asType: true);
        }

        // items apply to arrays only (a string parameter or an object with stray `items` has no item type).
        if (schema.Type == JsonObjectType.None || schema.Type.HasFlag(JsonObjectType.Array))
        {
            Visit(schema.Item, reached, expanded, asType: true);
            foreach (var item in schema.Items)
            {
                Visit(item, reached, expanded, asType: true);
            }
        }

        foreach (var part in schema.AllOf)
        {
            // A lone structural allOf member beside no properties is that schema (a wrapper for description/nullable);
            // otherwise the members are merged into the schema that lists them.
            Visit(part, reached, expanded, asType: asType && StructuralAllOfCount(schema) == 1 && !IsAnnotationOnly(part) && schema.Properties.Count == 0);
        }

        foreach (var choice in new[] { schema.OneOf, schema.AnyOf }.Where(c => c.Count > 0))
        {
            if (choice.Count == 1)
            {
                Visit(choice.Single(), reached, expanded, asType);
            }
            else if (schema.Properties.Count == 0)
            {
                // A oneOf/anyOf of several is a typed union: each branch is a variant type of its own.
                // (Next to properties, the properties win and the branches are not reached.)
                foreach (var branch in choice)
                {
                    Visit(branch, reached, expanded, asType: true);
                }
            }
        }

        Visit(schema.AdditionalPropertiesSchema, reached, expanded, asType: true);
    }
}
