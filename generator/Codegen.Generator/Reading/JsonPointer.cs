namespace Codegen.Generator.Reading;

/// <summary>Builds JSON pointers (RFC 6901) to spec nodes, for diagnostics locations.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, string segment1, string segment2) => Append(Append(pointer, segment1), segment2);
}
