namespace Codegen.Generator.Model;

/// <summary>
/// The constraints a schema states on one value (a property, a parameter or an array item). Numbers are kept as
/// the spec's literal text so no precision is lost and equality stays exact.
/// </summary>
internal sealed record ValueConstraints(
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null,
    string? Minimum = null,
    bool ExclusiveMinimum = false,
    string? Maximum = null,
    bool ExclusiveMaximum = false,
    string? MultipleOf = null,
    int? MinItems = null,
    int? MaxItems = null,
    bool UniqueItems = false,
    string? Format = null,
    ValueConstraints? Items = null)
{
    public static readonly ValueConstraints None = new();

    /// <summary>Allowed values from <c>enum</c>/<c>const</c> on a value that is not a generated enum (JSON literal text).</summary>
    public EquatableArray<string> AllowedValues { get; init; } = EquatableArray<string>.Empty;
}
