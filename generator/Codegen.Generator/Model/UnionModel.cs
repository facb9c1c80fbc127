namespace Codegen.Generator.Model;

/// <summary>
/// A typed union for a <c>oneOf</c>/<c>anyOf</c> with several non-null schemas: a record with one nullable
/// property per variant, exactly one of which is set after reading. References to it use <see cref="TypeKind.Model"/>:
/// like a record it has <c>ReadJson</c>, <c>WriteJson</c> and <c>Validate</c>, so every other emitter treats it alike.
/// </summary>
/// <param name="Variants">The branches in spec order (duplicates of one C# type merged).</param>
/// <param name="DiscriminatorProperty">The JSON name of <c>discriminator.propertyName</c>, or <see langword="null"/>.</param>
/// <param name="DiscriminatorKind">How discriminator values look on the wire.</param>
/// <param name="IsOneOf"><c>oneOf</c> (exactly one variant) rather than <c>anyOf</c>.</param>
internal sealed record UnionModel(
    string Name,
    string SchemaPointer,
    string? Description,
    SourceLocation? Location,
    EquatableArray<UnionVariant> Variants,
    string? DiscriminatorProperty,
    DiscriminatorKind DiscriminatorKind,
    bool IsOneOf)
    : TypeModel(Name, SchemaPointer, Description, Location);

/// <summary>One branch of a union.</summary>
/// <param name="Name">The C# property name (the type's name for generated types, e.g. <c>Cat</c>; <c>String</c>, <c>Int64</c>… for primitives).</param>
/// <param name="Type">The branch's type.</param>
/// <param name="Token">The JSON token the branch starts with, to choose a branch without a discriminator.</param>
/// <param name="DiscriminatorValues">Discriminator values that select this branch (as written in the mapping, or the component name).</param>
internal sealed record UnionVariant(string Name, TypeRef Type, UnionToken Token, EquatableArray<string> DiscriminatorValues);

/// <summary>The JSON token a union branch starts with.</summary>
internal enum UnionToken
{
    /// <summary>Unknown in advance (an untyped schema or a nested union): tried last.</summary>
    Any,
    String,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>The wire type of a discriminator property (OpenAPI allows non-string ones: mapping keys <c>"true"</c>, <c>"1"</c>, <c>"1.0"</c>).</summary>
internal enum DiscriminatorKind
{
    String,
    Boolean,
    Number,
}
