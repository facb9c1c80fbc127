using System.Reflection;
using System.Text;

namespace Codegen.Generator.Tests.Unions;

/// <summary>C# source that reads and writes generated types by name, and reflection helpers to see which variant is set.</summary>
internal static class UnionHarness
{
    /// <summary>A <c>TestHarness.Probe</c> class with <c>Read(type, json)</c> and <c>RoundTrip(type, json)</c> for <paramref name="types"/>.</summary>
    public static string Source(string @namespace, params string[] types)
    {
        var cases = new StringBuilder();
        var writes = new StringBuilder();
        foreach (var type in types)
        {
            cases.Append("            \"").Append(type).Append("\" => Read<global::").Append(@namespace).Append('.').Append(type).Append(">(json),\n");
            writes.Append("            global::").Append(@namespace).Append('.').Append(type).Append(" v => Write(v),\n");
        }
        return $$"""
            using System.Text;
            using System.Text.Json;
            using Codegen.Runtime.Json;

            namespace TestHarness;

            public static class Probe
            {
                public static object Read(string type, string json) => type switch
                {
            {{cases}}            _ => throw new System.ArgumentException(type),
                };

                public static string RoundTrip(string type, string json) => Read(type, json) switch
                {
            {{writes}}            var other => throw new System.ArgumentException(other.GetType().Name),
                };

                private static T Read<T>(string json) where T : IJsonModel<T>
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var value = T.ReadJson(ref reader);
                    if (reader.Read()) throw new JsonException("The reader was not left on the value's last token.");
                    return value;
                }

                private static string Write<T>(T value) where T : IJsonModel<T>
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        value.WriteJson(writer);
                    }
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
            """;
    }

    /// <summary>The names of the union's properties that hold a value, comma-separated.</summary>
    public static string SetVariants(object union) => string.Join(",", union.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != "EqualityContract" && p.GetValue(union) is not null)
        .Select(p => p.Name));
}
