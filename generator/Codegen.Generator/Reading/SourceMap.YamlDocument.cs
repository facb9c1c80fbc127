using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Events;
using SharpYaml.Serialization;

namespace Codegen.Generator.Reading;

internal sealed partial class SourceMap
{
    /// <summary>
    /// Reads a YAML spec once for both uses: the document as a JSON tree (what Microsoft.OpenApi's YAML reader makes
    /// of it, scalars converted by its own <see cref="YamlConverter"/>) and this map's locations. Tokenizing YAML is
    /// most of a YAML spec's parse; done separately, the map repeated it whenever a spec had a diagnostic. Returns
    /// <see langword="null"/>, and leaves the map unread, for anything the plain path should handle instead: a
    /// syntax error, anchors and aliases, explicit tags, complex or duplicate keys, an empty document.
    /// </summary>
    public JsonNode? ReadYamlDocument()
    {
        if (_read) return null;
        _read = true;
        _json = new YamlJsonBuilder();
        try
        {
            Tokenize(json: false);
            if (_syntaxError is null && !_json.Unsupported && _json.Root is { } root)
            {
                return root;
            }
        }
        finally
        {
            _json = null;
        }
        _read = false;
        _nodes = new List<Node>();
        _children = new Dictionary<ChildKey, int>();
        _syntaxError = null;
        return null;
    }

    /// <summary>Builds the JSON tree from the same parser events the map reads.</summary>
    private sealed class YamlJsonBuilder
    {
        private readonly Stack<JsonNode> _open = new();

        public JsonNode? Root { get; private set; }

        public bool Unsupported { get; private set; }

        /// <summary>A mapping key: only plain strings without anchors or tags are taken.</summary>
        public void Key(ParsingEvent node)
        {
            if (node is not Scalar scalar || !string.IsNullOrEmpty(scalar.Anchor) || !string.IsNullOrEmpty(scalar.Tag))
            {
                Unsupported = true;
            }
        }

        /// <summary>A value in the current mapping (under <paramref name="key"/>) or sequence, or the root.</summary>
        public void Value(ParsingEvent node, string? key)
        {
            if (Unsupported) return;
            JsonNode? value;
            switch (node)
            {
                case Scalar scalar when string.IsNullOrEmpty(scalar.Anchor) && string.IsNullOrEmpty(scalar.Tag):
                    value = Convert(scalar);
                    break;
                case MappingStart mapping when string.IsNullOrEmpty(mapping.Anchor) && string.IsNullOrEmpty(mapping.Tag):
                    value = new JsonObject();
                    break;
                case SequenceStart sequence when string.IsNullOrEmpty(sequence.Anchor) && string.IsNullOrEmpty(sequence.Tag):
                    value = new JsonArray();
                    break;
                default:
                    Unsupported = true;
                    return;
            }
            if (_open.Count == 0)
            {
                if (Root is not null) Unsupported = true;
                Root = value;
            }
            else if (_open.Peek() is JsonArray array)
            {
                array.Add(value);
            }
            else if (key is null || ((JsonObject)_open.Peek()).ContainsKey(key))
            {
                Unsupported = true;
                return;
            }
            else
            {
                ((JsonObject)_open.Peek()).Add(key, value);
            }
            if (value is JsonObject or JsonArray && node is not Scalar)
            {
                _open.Push(value);
            }
        }

        // Quoted and block scalars are strings; a plain one may be a number, boolean or null, which YamlConverter
        // decides. Its answer depends on the text alone, so each distinct plain text is converted once and copied.
        private readonly Dictionary<string, JsonNode?> _plain = new(System.StringComparer.Ordinal);

        private JsonNode? Convert(Scalar scalar)
        {
            if (scalar.Style != ScalarStyle.Plain)
            {
                return JsonValue.Create(scalar.Value);
            }
            if (!_plain.TryGetValue(scalar.Value, out var converted))
            {
                converted = YamlConverter.ToJsonNode(new YamlScalarNode(scalar.Value) { Style = ScalarStyle.Plain });
                _plain[scalar.Value] = converted;
                return converted;
            }
            return converted?.DeepClone();
        }

        public void Close()
        {
            if (_open.Count > 0) _open.Pop();
        }
    }
}
