using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>Emits the spec's small internal JSON helper class (lists, maps, UTC timestamps) that generated models share.</summary>
internal static class JsonHelpersEmitter
{
    public static string Emit(ClientNames names)
    {
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        writer.WriteLine($"/// <summary>JSON helpers shared by the models generated for {CSharpCode.XmlEscape(names.ClientName)}.</summary>");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"internal static class {names.JsonHelpersName}");
        writer.OpenBrace();
        writer.WriteLine(@"/// <summary>Reads a JSON array; the reader is on its first token and is left on its last.</summary>
public static global::System.Collections.Generic.List<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Codegen.Runtime.Json.JsonReadFunc<T> readItem)
{
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray)
    {
        throw new global::System.Text.Json.JsonException(""Expected a JSON array."");
    }
    var list = new global::System.Collections.Generic.List<T>();
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
    {
        list.Add(readItem(ref reader));
    }
    return list;
}

/// <summary>Reads a JSON object as a dictionary; the reader is on its first token and is left on its last.</summary>
public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::Codegen.Runtime.Json.JsonReadFunc<T> readItem)
{
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)
    {
        throw new global::System.Text.Json.JsonException(""Expected a JSON object."");
    }
    var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
    {
        var key = reader.GetString()!;
        reader.Read();
        map[key] = readItem(ref reader);
    }
    return map;
}

/// <summary>Writes a list as a JSON array.</summary>
public static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> list, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeItem)
{
    writer.WriteStartArray();
    for (int i = 0; i < list.Count; i++)
    {
        writeItem(writer, list[i]);
    }
    writer.WriteEndArray();
}

/// <summary>Writes a dictionary as a JSON object.</summary>
public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> map, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> writeItem)
{
    writer.WriteStartObject();
    foreach (var entry in map)
    {
        writer.WritePropertyName(entry.Key);
        writeItem(writer, entry.Value);
    }
    writer.WriteEndObject();
}

/// <summary>Writes a timestamp as RFC 3339; UTC values end in <c>Z</c> (the form most APIs, Zoom included, document).</summary>
public static void WriteDateTime(global::System.Text.Json.Utf8JsonWriter writer, global::System.DateTimeOffset value)
{
    if (value.Offset == global::System.TimeSpan.Zero)
    {
        global::System.Span<char> buffer = stackalloc char[40];
        if (value.UtcDateTime.TryFormat(buffer, out int written, ""yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"", global::System.Globalization.CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer.Slice(0, written));
            return;
        }
    }
    writer.WriteStringValue(value);
}");
        writer.WriteLine(TimeFormatsCode.Members);
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }
}
