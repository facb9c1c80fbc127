using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// C# expressions and statements that read or write one JSON value with <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>,
/// by the value's <see cref="TypeRef"/>. Nested arrays and dictionaries use the spec's shared helpers with static
/// lambdas (no captures, no allocations per call).
/// </summary>
internal static class JsonCode
{
    private const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>An expression reading a non-null value; <paramref name="reader"/> is positioned on its first token.</summary>
    public static string Read(TypeRef type, ClientNames names, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.String or TypeKind.Binary => reader + ".GetString()!",
        TypeKind.Time => names.Qualify(names.JsonHelpersName) + ".ParseTime(" + reader + ".GetString()!)",
        TypeKind.Duration => names.Qualify(names.JsonHelpersName) + ".ParseDuration(" + reader + ".GetString()!)",
        TypeKind.Boolean => reader + ".GetBoolean()",
        TypeKind.Int32 => reader + ".GetInt32()",
        TypeKind.Int64 => reader + ".GetInt64()",
        TypeKind.Double => reader + ".GetDouble()",
        TypeKind.Float => reader + ".GetSingle()",
        TypeKind.Decimal => reader + ".GetDecimal()",
        TypeKind.DateTime => reader + ".GetDateTimeOffset()",
        TypeKind.Date => "global::System.DateOnly.ParseExact(" + reader + ".GetString()!, \"yyyy-MM-dd\", " + Invariant + ")",
        TypeKind.Uuid => reader + ".GetGuid()",
        TypeKind.Uri => "new global::System.Uri(" + reader + ".GetString()!, global::System.UriKind.RelativeOrAbsolute)",
        TypeKind.Base64 => reader + ".GetBytesFromBase64()",
        TypeKind.Model => names.Qualify(type.Name!) + ".ReadJson(ref " + reader + ")",
        TypeKind.Enum => names.Qualify(type.Name! + "Json") + ".Read(ref " + reader + ")",
        TypeKind.Array => names.Qualify(names.JsonHelpersName) + ".ReadList<" + CSharpCode.ItemTypeName(type, names) + ">(ref " + reader + ", " + ItemReader(type, names, depth) + ")",
        TypeKind.Dictionary => names.Qualify(names.JsonHelpersName) + ".ReadMap<" + CSharpCode.ItemTypeName(type, names) + ">(ref " + reader + ", " + ItemReader(type, names, depth) + ")",
        _ => "global::System.Text.Json.JsonElement.ParseValue(ref " + reader + ")",
    };

    /// <summary>An expression reading a value that may be JSON <c>null</c>, typed as the nullable C# type.</summary>
    public static string ReadNullable(TypeRef type, ClientNames names, string reader, int depth = 0) =>
        reader + ".TokenType == global::System.Text.Json.JsonTokenType.Null ? (" + CSharpCode.NullableTypeName(type, names) + ")null : " + Read(type, names, reader, depth);

    private static string ItemReader(TypeRef type, ClientNames names, int depth)
    {
        var r = "r" + (depth + 1);
        var item = type.Item!;
        var body = type.ItemNullable ? ReadNullable(item, names, r, depth + 1) : Read(item, names, r, depth + 1);
        return "static (ref " + ReaderType + " " + r + ") => " + body;
    }

    /// <summary>A statement writing the non-null value <paramref name="value"/>.</summary>
    public static string Write(TypeRef type, ClientNames names, string writer, string value, int depth = 0) => type.Kind switch
    {
        TypeKind.String or TypeKind.Binary or TypeKind.Uuid => writer + ".WriteStringValue(" + value + ");",
        TypeKind.Time => writer + ".WriteStringValue(" + names.Qualify(names.JsonHelpersName) + ".FormatTime(" + value + "));",
        TypeKind.Duration => writer + ".WriteStringValue(" + names.Qualify(names.JsonHelpersName) + ".FormatDuration(" + value + "));",
        TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal => writer + ".WriteNumberValue(" + value + ");",
        TypeKind.DateTime => names.Qualify(names.JsonHelpersName) + ".WriteDateTime(" + writer + ", " + value + ");",
        TypeKind.Date => writer + ".WriteStringValue(" + value + ".ToString(\"yyyy-MM-dd\", " + Invariant + "));",
        TypeKind.Uri => writer + ".WriteStringValue(" + value + ".OriginalString);",
        TypeKind.Base64 => writer + ".WriteBase64StringValue(" + value + ");",
        TypeKind.Model => value + ".WriteJson(" + writer + ");",
        TypeKind.Enum => names.Qualify(type.Name! + "Json") + ".Write(" + writer + ", " + value + ");",
        TypeKind.Array => names.Qualify(names.JsonHelpersName) + ".WriteList(" + writer + ", " + value + ", " + ItemWriter(type, names, depth) + ");",
        TypeKind.Dictionary => names.Qualify(names.JsonHelpersName) + ".WriteMap(" + writer + ", " + value + ", " + ItemWriter(type, names, depth) + ");",
        _ => value + ".WriteTo(" + writer + ");",
    };

    private static string ItemWriter(TypeRef type, ClientNames names, int depth)
    {
        var w = "w" + (depth + 1);
        var item = "item" + (depth + 1);
        var v = "v" + (depth + 1);
        var write = Write(type.Item!, names, w, v, depth + 1);
        var body = type.ItemNullable
            ? "{ if (" + item + " is { } " + v + ") { " + write + " } else { " + w + ".WriteNullValue(); } }"
            : "{ var " + v + " = " + item + "; " + write + " }";
        return "static (" + w + ", " + item + ") => " + body;
    }
}
