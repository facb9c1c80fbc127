using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>Reads a spec or part text (JSON or YAML) into a <see cref="JsonNode"/> tree, the form the bundler edits.</summary>
internal static class TreeReader
{
    /// <summary>The tree, or <see langword="null"/> when the text is not well-formed (the source map then says where).</summary>
    public static JsonNode? TryRead(string filePath, string text)
    {
        bool json = filePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal);
        if (json && TryReadJson(text) is { } node)
        {
            return node;
        }
        // A '{' start may be YAML flow style rather than JSON; YAML reads both.
        return TryReadYaml(text);
    }

    private static JsonNode? TryReadJson(string text)
    {
        try
        {
            return JsonNode.Parse(text.TrimStart('\uFEFF'));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonNode? TryReadYaml(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            var document = stream.Documents.FirstOrDefault();
            return document is null ? null : document.ToJsonNode();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }
    }
}
