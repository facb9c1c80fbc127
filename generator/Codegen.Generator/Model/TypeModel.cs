namespace Codegen.Generator.Model;

/// <summary>A C# type to emit: a record or an enum (more kinds, e.g. unions, derive from it).</summary>
/// <param name="Name">The C# type name, unique in the spec's namespace.</param>
/// <param name="SchemaPointer">JSON pointer of the schema it came from, e.g. <c>/components/schemas/Meeting</c>.</param>
internal abstract record TypeModel(string Name, string SchemaPointer, string? Description, SourceLocation? Location);

/// <summary>A record for an object schema.</summary>
/// <param name="Rules">Cross-field rules (3.1 <c>not</c>+<c>required</c>, <c>dependentRequired</c>, <c>if</c>/<c>then</c>/<c>else</c>).</param>
/// <param name="AdditionalProperties">A dictionary type for the members beyond <paramref name="Properties"/> when the schema
/// gives <c>additionalProperties</c> a schema, else <see langword="null"/>.</param>
/// <param name="ReferencedEnums">The enums its properties use (directly or as array items), so its validator can check
/// membership without looking at other units; keeps each type's emit unit self-contained for caching.</param>
internal sealed record RecordModel(
    string Name,
    string SchemaPointer,
    string? Description,
    SourceLocation? Location,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<ObjectRule> Rules,
    TypeRef? AdditionalProperties,
    EquatableArray<EnumModel> ReferencedEnums)
    : TypeModel(Name, SchemaPointer, Description, Location)
{
    /// <summary>The C# name of the member that keeps extra JSON members (set with <see cref="AdditionalProperties"/>).</summary>
    public string? AdditionalPropertiesName { get; init; }
}

/// <summary>An enum for a string or integer <c>enum</c> schema.</summary>
/// <param name="IsString">String values on the wire (otherwise integers).</param>
/// <param name="UnderlyingType"><c>int</c> or <c>long</c> for integer enums; <c>int</c> for string enums.</param>
internal sealed record EnumModel(
    string Name,
    string SchemaPointer,
    string? Description,
    SourceLocation? Location,
    bool IsString,
    string UnderlyingType,
    EquatableArray<EnumMemberModel> Members)
    : TypeModel(Name, SchemaPointer, Description, Location);

/// <summary>One enum member.</summary>
/// <param name="Name">The C# member name (from x-enum-varnames / x-enumNames, else derived from the value).</param>
/// <param name="Value">The wire value: the string itself for string enums, the integer literal for integer enums.</param>
/// <param name="NumericValue">The C# constant: the integer for integer enums, 1-based position for string enums.</param>
internal sealed record EnumMemberModel(string Name, string Value, long NumericValue, string? Description);

/// <summary>A record property.</summary>
/// <param name="Name">C# property name.</param>
/// <param name="JsonName">The JSON name, exactly as in the spec.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>.</param>
/// <param name="IsNullable">The schema allows <c>null</c> (<c>nullable: true</c> or a <c>"null"</c> type).</param>
/// <param name="IsSensitive">A secret (<c>format: password</c> or <c>x-sensitive: true</c>): masked in ToString().</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    ValueConstraints Constraints,
    bool IsSensitive,
    bool IsReadOnly,
    bool IsWriteOnly,
    bool IsDeprecated)
{
    /// <summary>From <c>x-codegen-expires-after</c>: the value's lifetime in words (e.g. <c>2 hours</c>), for the docs.</summary>
    public string? ExpiresAfter { get; init; }
}
