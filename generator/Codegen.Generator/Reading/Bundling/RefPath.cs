using System;
using System.Collections.Generic;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>
/// The file half and the fragment half of a <c>$ref</c>, and file paths resolved relative to the referencing file.
/// Pure string work: the generator never touches the file system.
/// </summary>
internal static class RefPath
{
    /// <summary><c>../common.yaml#/Error</c> → (<c>../common.yaml</c>, <c>/Error</c>); <c>#/a</c> → ("", <c>/a</c>).</summary>
    public static (string File, string Fragment) Split(string reference)
    {
        int hash = reference.IndexOf('#');
        return hash < 0
            ? (reference, "")
            : (reference.Substring(0, hash), reference.Substring(hash + 1));
    }

    /// <summary>Whether the reference names a URL (http, https, file…): never resolvable among AdditionalFiles.</summary>
    public static bool IsUrl(string file) => file.IndexOf("://", StringComparison.Ordinal) > 0;

    /// <summary>The normalized path of <paramref name="relative"/> seen from the file <paramref name="referencingFile"/>.</summary>
    public static string Resolve(string referencingFile, string relative)
    {
        var target = Normalize(Unescape(relative));
        if (IsRooted(target)) return target;
        var from = Normalize(referencingFile);
        int slash = from.LastIndexOf('/');
        var folder = slash < 0 ? "" : from.Substring(0, slash + 1);
        return Normalize(folder + target);
    }

    /// <summary>Forward slashes, no <c>.</c> segments, <c>..</c> applied (a leading <c>..</c> of a relative path stays; above the root is the root).</summary>
    public static string Normalize(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var kept = new List<string>(segments.Length);
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            bool first = i == 0;
            if (segment == "." || (segment.Length == 0 && !first && i != segments.Length - 1))
            {
                continue;
            }
            if (segment == ".." && kept.Count == 1 && IsRootSegment(kept[0]))
            {
                continue; // nothing is above the root
            }
            if (segment == ".." && kept.Count > 0 && kept[kept.Count - 1] != "..")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }
            kept.Add(segment);
        }
        return string.Join("/", kept);
    }

    /// <summary>The file name without folder and extension: <c>../common/Error.yaml</c> → <c>Error</c>.</summary>
    public static string BaseName(string path)
    {
        var normalized = Normalize(path);
        var name = normalized.Substring(normalized.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

    // "" before a leading '/', or a drive like "C:".
    private static bool IsRootSegment(string segment) => segment.Length == 0 || (segment.Length == 2 && segment[1] == ':');

    private static string Unescape(string path)
    {
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }
}
