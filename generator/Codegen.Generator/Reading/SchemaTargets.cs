using System.Collections.Generic;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>
/// Reads a <c>$ref</c> schema's keywords without resolving the reference on every read. Microsoft.OpenApi's
/// <see cref="OpenApiSchemaReference"/> answers each property (type, pattern, maxLength…) by resolving its target
/// again, which builds and looks up a URI each time; reading one property's constraints did that about twenty
/// times, a sixth of the read step on a reference-heavy spec. A reference with no keyword beside <c>$ref</c> reads
/// exactly as its target, so <see cref="ValuesOf"/> hands out the target, resolved once per reference.
/// </summary>
internal sealed class SchemaTargets
{
    /// <summary>No caching: every schema is read as it is (for callers without a reader, such as tests).</summary>
    public static readonly SchemaTargets None = new(null);

    private readonly System.Func<OpenApiSchemaReference, IOpenApiSchema?>? _resolve;
    private readonly Dictionary<OpenApiSchemaReference, IOpenApiSchema?> _targets = new(IdentityComparer<OpenApiSchemaReference>.Instance);

    /// <param name="resolve">Resolves a reference the way the reader does (its fallbacks included); null: never.</param>
    public SchemaTargets(System.Func<OpenApiSchemaReference, IOpenApiSchema?>? resolve) => _resolve = resolve;

    /// <summary>
    /// The schema to read keyword values from: the target of a reference that carries nothing but <c>$ref</c>
    /// (followed through references to references), else <paramref name="schema"/> itself. Never use the result to
    /// ask whether a schema is a reference.
    /// </summary>
    public IOpenApiSchema ValuesOf(IOpenApiSchema schema)
    {
        for (int hops = 0; hops < 8 && _resolve is not null && schema is OpenApiSchemaReference reference && !HasSiblings(reference.Reference); hops++)
        {
            if (!_targets.TryGetValue(reference, out var target))
            {
                target = _resolve(reference);
                _targets[reference] = target;
            }
            if (target is null) return schema;
            schema = target;
        }
        return schema;
    }

    /// <summary>Whether a keyword beside <c>$ref</c> overrides the target's (3.1 allows any; 3.0 readers keep some).</summary>
#pragma warning disable CS0618 // Example is obsolete, but a reference still reads it before its target's.
    internal static bool HasSiblings(JsonSchemaReference r) =>
        r.Description is not null || r.Title is not null || r.Default is not null || r.Deprecated is not null
        || r.ReadOnly is not null || r.WriteOnly is not null || r.Examples is not null || r.Example is not null
        || r.Extensions is not null || r.SchemaId is not null || r.Schema is not null || r.Comment is not null
        || r.Vocabulary is not null || r.DynamicRef is not null || r.DynamicAnchor is not null || r.Definitions is not null
        || r.Anchor is not null || r.ExclusiveMaximum is not null || r.ExclusiveMinimum is not null || r.SchemaType is not null
        || r.Const is not null || r.Format is not null || r.Maximum is not null || r.Minimum is not null
        || r.MaxLength is not null || r.MinLength is not null || r.Pattern is not null || r.MultipleOf is not null
        || r.AllOf is not null || r.OneOf is not null || r.AnyOf is not null || r.Not is not null || r.Required is not null
        || r.Items is not null || r.MaxItems is not null || r.MinItems is not null || r.UniqueItems is not null
        || r.Contains is not null || r.MaxContains is not null || r.MinContains is not null || r.Properties is not null
        || r.PatternProperties is not null || r.MaxProperties is not null || r.MinProperties is not null
        || r.AdditionalPropertiesAllowed is not null || r.AdditionalProperties is not null || r.Discriminator is not null
        || r.Enum is not null || r.UnevaluatedProperties is not null || r.UnevaluatedPropertiesSchema is not null
        || r.ExternalDocs is not null || r.Xml is not null || r.UnrecognizedKeywords is not null
        || r.DependentRequired is not null || r.ContentEncoding is not null || r.ContentMediaType is not null
        || r.ContentSchema is not null || r.PropertyNames is not null || r.DependentSchemas is not null
        || r.If is not null || r.Then is not null || r.Else is not null;
#pragma warning restore CS0618
}
