namespace Codegen.Generator.Model;

/// <summary>The shape of a value on the wire and in C#.</summary>
internal enum TypeKind
{
    /// <summary>Anything (no type): kept as <c>System.Text.Json.JsonElement</c>.</summary>
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Float,
    Decimal,
    /// <summary><c>format: date-time</c> → DateTimeOffset.</summary>
    DateTime,
    /// <summary><c>format: date</c> → DateOnly.</summary>
    Date,
    /// <summary><c>format: time</c> → TimeOnly.</summary>
    Time,
    /// <summary><c>format: duration</c> → TimeSpan.</summary>
    Duration,
    /// <summary><c>format: uuid</c> → Guid.</summary>
    Uuid,
    /// <summary><c>format: uri</c> → System.Uri.</summary>
    Uri,
    /// <summary><c>format: byte</c> → byte[] (base64).</summary>
    Base64,
    /// <summary><c>format: binary</c> → Stream.</summary>
    Binary,
    /// <summary>A generated record or union (<see cref="TypeRef.Name"/>); both have ReadJson, WriteJson and Validate.</summary>
    Model,
    /// <summary>A generated enum (<see cref="TypeRef.Name"/>).</summary>
    Enum,
    /// <summary>A list of <see cref="TypeRef.Item"/>.</summary>
    Array,
    /// <summary>A string-keyed dictionary of <see cref="TypeRef.Item"/>.</summary>
    Dictionary,
}

/// <summary>A reference to a value's type.</summary>
/// <param name="Kind">The shape.</param>
/// <param name="Name">The generated type's C# name for <see cref="TypeKind.Model"/> and <see cref="TypeKind.Enum"/>.</param>
/// <param name="Item">The element type of arrays and dictionaries.</param>
/// <param name="ItemNullable">Array/dictionary elements may be null.</param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool ItemNullable = false);

internal static class TypeKindExtensions
{
    /// <summary>A single value with a text form (what a parameter, form field or multipart text part can carry).</summary>
    public static bool IsSimpleValue(this TypeKind kind) =>
        kind is not (TypeKind.Any or TypeKind.Model or TypeKind.Array or TypeKind.Dictionary or TypeKind.Binary);
}
