using System.Text.Json;
using System.Text.RegularExpressions;

namespace Codegen.Corpus.Discovery;

/// <summary>
/// Finds the root specs under a folder: <c>.yaml</c>/<c>.yml</c>/<c>.json</c> files with a top-level
/// <c>openapi</c> or <c>swagger</c> key. Files only reached through another file's <c>$ref</c> are parts, not roots.
/// </summary>
public static partial class SpecDiscovery
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>All root specs under <paramref name="corpusDirectory"/>, sorted by relative path.</summary>
    public static IReadOnlyList<CorpusSpec> FindRootSpecs(string corpusDirectory)
    {
        var root = Path.GetFullPath(corpusDirectory);
        var specs = new List<CorpusSpec>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var version = ReadVersion(file);
            if (version is null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            specs.Add(new CorpusSpec(relative, file, version, new FileInfo(file).Length, FindParts(file)));
        }

        return specs.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>The value of the top-level <c>openapi</c>/<c>swagger</c> key, or <see langword="null"/> for other files.</summary>
    public static string? ReadVersion(string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // JSON specs often sort keys, so "openapi"/"swagger" can be the last top-level key: scan the whole object.
            return ReadJsonVersion(path);
        }

        // A YAML key at column 0; it sits near the top of every real spec, so the head is enough.
        var match = YamlVersionKey().Match(ReadHead(path, 64 * 1024));
        return match.Success ? match.Groups["v"].Value : null;
    }

    private static string? ReadJsonVersion(string path)
    {
        try
        {
            var reader = new Utf8JsonReader(File.ReadAllBytes(path), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                    && (reader.ValueTextEquals("openapi"u8) || reader.ValueTextEquals("swagger"u8)))
                {
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: not a spec.
        }

        return null;
    }

    /// <summary>Files reached from <paramref name="rootPath"/> through relative <c>$ref</c>s, transitively; absolute paths.</summary>
    public static IReadOnlyList<string> FindParts(string rootPath)
    {
        var root = Path.GetFullPath(rootPath);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var queue = new Queue<string>();
        queue.Enqueue(root);
        var parts = new List<string>();
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (Match match in RefValue().Matches(File.ReadAllText(current)))
            {
                var target = match.Groups["file"].Value;
                if (target.Contains("://", StringComparison.Ordinal))
                {
                    continue; // remote refs are not followed (no network)
                }

                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, Uri.UnescapeDataString(target)));
                if (File.Exists(full) && seen.Add(full))
                {
                    parts.Add(full);
                    queue.Enqueue(full);
                }
            }
        }

        parts.Sort(StringComparer.Ordinal);
        return parts;
    }

    private static string ReadHead(string path, int maxChars)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[maxChars];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    // YAML: a column-0 key "openapi:" or "swagger:" (quoted or not), value quoted or not.
    [GeneratedRegex("""^\uFEFF?["']?(?:openapi|swagger)["']?\s*:\s*["']?(?<v>[0-9][0-9A-Za-z.\-]*)""", RegexOptions.Multiline)]
    private static partial Regex YamlVersionKey();

    // A $ref whose value names a file (the part before '#' is not empty).
    [GeneratedRegex("""["']?\$ref["']?\s*:\s*["']?(?<file>[^"'#\s,}]+)""")]
    private static partial Regex RefValue();
}
