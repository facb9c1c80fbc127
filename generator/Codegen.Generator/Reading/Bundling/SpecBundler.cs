using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>A spec with every external <c>$ref</c> made local, as JSON text for the OpenAPI reader.</summary>
internal sealed record SpecBundle(string Json, BundleOrigins Origins, IReadOnlyList<DiagnosticInfo> Diagnostics);

/// <summary>
/// Makes one document out of a spec and the part files its <c>$ref</c>s name, before Microsoft.OpenApi sees it
/// (its own external-reference loader reads files or URLs, and its Swagger 2.0 reader fails on whole-file refs).
/// A schema reference (<c>Pet.yaml</c>, <c>../common.json#/components/schemas/X</c>) is copied once into
/// <c>definitions</c> (2.0) or <c>components/schemas</c> (3.x) under the file's base name or the fragment's last
/// segment, and every reference to it points there, so cycles end at the second visit. Any other reference
/// (a parameter, a response, a path item) is copied in place. References inside a part are relative to that part.
/// A file that is not among the parts gives CG0018 at the <c>$ref</c> and the rest still generates.
/// </summary>
internal sealed class SpecBundler
{
    private readonly string _rootFile;
    private readonly string _rootKey;
    private readonly PartIndex _parts;
    private readonly Dictionary<string, SourceMap> _maps;
    private readonly Dictionary<string, JsonNode?> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hoisted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inlining = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly BundleOrigins _origins;
    private readonly CancellationToken _cancellationToken;
    private bool _isSwagger2;
    private string _schemasPointer = "";
    private JsonObject _schemas = null!;

    private SpecBundler(SpecInput input, SourceMap rootMap, CancellationToken cancellationToken)
    {
        _rootFile = input.FilePath;
        _rootKey = RefPath.Normalize(input.FilePath);
        _parts = new PartIndex(input.Parts);
        _maps = new Dictionary<string, SourceMap>(StringComparer.Ordinal) { [input.FilePath] = rootMap };
        _origins = new BundleOrigins(_maps);
        _cancellationToken = cancellationToken;
    }

    /// <summary>The bundled spec, or <see langword="null"/> when the spec names no other file (or is not readable as a tree).</summary>
    public static SpecBundle? TryBundle(SpecInput input, SourceMap rootMap, CancellationToken cancellationToken)
    {
        if (!ExternalRefScanner.HasExternalRefs(input.Text) || TreeReader.TryRead(input.FilePath, input.Text) is not JsonObject root)
        {
            return null;
        }
        var bundler = new SpecBundler(input, rootMap, cancellationToken);
        bundler.Bundle(root);
        return new SpecBundle(root.ToJsonString(), bundler._origins, bundler._diagnostics);
    }

    private void Bundle(JsonObject root)
    {
        _isSwagger2 = root.ContainsKey("swagger");
        if (_isSwagger2)
        {
            _schemas = ObjectMember(root, "definitions");
            _schemasPointer = "/definitions";
        }
        else
        {
            _schemas = ObjectMember(ObjectMember(root, "components"), "schemas");
            _schemasPointer = "/components/schemas";
        }
        foreach (var entry in _schemas)
        {
            _takenNames.Add(entry.Key);
        }
        Rewrite(root, new Place(_rootFile, "", "", schema: false), out _);
    }

    private static JsonObject ObjectMember(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing) return existing;
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>Returns the node to keep in place of <paramref name="node"/>; <paramref name="remove"/> drops it.</summary>
    private JsonNode? Rewrite(JsonNode? node, Place place, out bool remove)
    {
        remove = false;
        _cancellationToken.ThrowIfCancellationRequested();
        if (node is JsonArray array)
        {
            RewriteItems(array, place);
            return array;
        }
        if (node is not JsonObject obj)
        {
            return node;
        }
        if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
        {
            return RewriteReference(obj, reference, place, out remove);
        }
        foreach (var key in obj.Select(p => p.Key).ToList())
        {
            switch (place.Schema ? SchemaMember(key) : DocumentMember(key, place))
            {
                case Member.Schema:
                    Replace(obj, key, place.Child(key, schema: true));
                    break;
                case Member.SchemaMap when obj[key] is JsonObject map:
                    var mapPlace = place.Child(key, schema: true);
                    foreach (var name in map.Select(p => p.Key).ToList())
                    {
                        Replace(map, name, mapPlace.Child(name, schema: true));
                    }
                    break;
                case Member.Document:
                    Replace(obj, key, place.Child(key, schema: false));
                    break;
                case Member.Discriminator when obj[key] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping:
                    RewriteMapping(mapping, place.Child(key, schema: false).Child("mapping", schema: false));
                    break;
            }
        }
        return obj;
    }

    /// <summary>
    /// A discriminator mapping value may be a reference (<c>Cat.yaml</c>) rather than a schema name: it must name the
    /// schema the branch reference was copied to, or the mapping would name no branch.
    /// </summary>
    private void RewriteMapping(JsonObject mapping, Place place)
    {
        foreach (var name in mapping.Select(p => p.Key).ToList())
        {
            if (mapping[name] is JsonValue value && value.TryGetValue<string>(out var target) && IsReference(target))
            {
                var reference = new JsonObject { ["$ref"] = target };
                RewriteReference(reference, target, place.Child(name, schema: true), out _);
                if (reference["$ref"] is JsonValue rewritten && rewritten.TryGetValue<string>(out var local) && local != target)
                {
                    mapping[name] = local;
                }
            }
        }
    }

    private static bool IsReference(string value) =>
        value.IndexOf('#') >= 0
        || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || value.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private void Replace(JsonObject parent, string key, Place place)
    {
        var child = parent[key];
        var result = Rewrite(child, place, out bool remove);
        if (remove)
        {
            parent.Remove(key);
        }
        else if (!ReferenceEquals(result, child))
        {
            parent[key] = result;
        }
    }

    private void RewriteItems(JsonArray array, Place place)
    {
        int written = 0;
        for (int i = 0; written < array.Count; i++)
        {
            var child = array[written];
            var result = Rewrite(child, place.Child(i.ToString(CultureInfo.InvariantCulture), place.Schema), out bool remove);
            if (remove)
            {
                array.RemoveAt(written);
                continue;
            }
            if (!ReferenceEquals(result, child))
            {
                array[written] = result;
            }
            written++;
        }
    }

    private JsonNode? RewriteReference(JsonObject obj, string reference, Place place, out bool remove)
    {
        remove = false;
        var (file, fragment) = RefPath.Split(reference.Trim());
        string target;
        if (file.Length == 0)
        {
            if (place.File == _rootFile) return obj;
            target = place.File;
        }
        else if (RefPath.IsUrl(file))
        {
            return Missing(obj, reference, place, out remove);
        }
        else
        {
            var resolved = RefPath.Resolve(place.File, file);
            if (string.Equals(resolved, _rootKey, StringComparison.OrdinalIgnoreCase)) target = _rootFile;
            else if (_parts.TryFind(resolved, out var part)) target = part.FilePath;
            else return Missing(obj, reference, place, out remove);
        }

        if (target == _rootFile)
        {
            obj["$ref"] = "#" + fragment;
            return obj;
        }
        if (place.Schema)
        {
            var name = Hoist(target, fragment, reference, place);
            if (name is null)
            {
                obj.Remove("$ref");
            }
            else
            {
                obj["$ref"] = "#" + _schemasPointer + "/" + JsonPointer.Escape(name);
            }
            return obj;
        }
        return Inline(obj, target, fragment, reference, place, out remove);
    }

    /// <summary>Copies a referenced schema into the schemas section once; later references reuse its name.</summary>
    private string? Hoist(string file, string fragment, string reference, Place place)
    {
        var key = file + "#" + fragment;
        if (_hoisted.TryGetValue(key, out var known)) return known;
        var target = Navigate(file, fragment, reference, place);
        if (target is null) return null;

        var wanted = SchemaName(fragment.Length == 0 ? RefPath.BaseName(file) : LastSegment(fragment));
        var name = wanted;
        for (int i = 2; _takenNames.Contains(name); i++)
        {
            name = wanted + i.ToString(CultureInfo.InvariantCulture);
        }
        _takenNames.Add(name);
        _hoisted[key] = name;
        if (name != wanted)
        {
            Report(Descriptors.NameCollision, Locate(file, fragment), "schema", reference, wanted, name);
        }

        var bundlePointer = _schemasPointer + "/" + JsonPointer.Escape(name);
        _origins.Add(bundlePointer, file, fragment);
        var copy = Rewrite(target.DeepClone(), new Place(file, fragment, bundlePointer, schema: true), out _);
        _schemas[name] = copy ?? new JsonObject();
        return name;
    }

    /// <summary>Copies a referenced parameter, response, path item… in place of the reference.</summary>
    private JsonNode? Inline(JsonObject obj, string file, string fragment, string reference, Place place, out bool remove)
    {
        remove = true;
        var key = file + "#" + fragment;
        if (!_inlining.Add(key))
        {
            Report(Descriptors.UnsupportedConstruct, Locate(place.File, place.FilePointer + "/$ref"),
                "A cycle of external $refs outside schemas ('" + reference + "')", "the reference is left out");
            return null;
        }
        try
        {
            var target = Navigate(file, fragment, reference, place);
            if (target is null) return null;
            var copy = target.DeepClone();
            if (copy is JsonObject copied)
            {
                // OpenAPI 3.1 lets a reference override the summary and description of what it points to.
                foreach (var sibling in obj.Where(p => p.Key != "$ref").ToList())
                {
                    copied[sibling.Key] = sibling.Value?.DeepClone();
                }
            }
            _origins.Add(place.BundlePointer, file, fragment);
            return Rewrite(copy, new Place(file, fragment, place.BundlePointer, schema: false), out remove);
        }
        finally
        {
            _inlining.Remove(key);
        }
    }

    private JsonNode? Missing(JsonObject obj, string reference, Place place, out bool remove)
    {
        Report(Descriptors.ExternalReferenceNotFound, Locate(place.File, place.FilePointer + "/$ref"),
            reference, place.Schema ? "the value is typed as JsonElement" : "it is left out");
        if (place.Schema)
        {
            remove = false;
            obj.Remove("$ref");
            return obj;
        }
        remove = true;
        return null;
    }

    /// <summary>The node at <paramref name="fragment"/> in a part; reports CG0001 (or the part's syntax error) when there is none.</summary>
    private JsonNode? Navigate(string file, string fragment, string reference, Place place)
    {
        var node = Tree(file);
        if (node is null) return null;
        if (fragment.Length > 0 && !fragment.StartsWith("/", StringComparison.Ordinal))
        {
            node = null;
        }
        else
        {
            foreach (var raw in fragment.Split('/').Skip(1))
            {
                var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
                node = node switch
                {
                    JsonObject obj => obj[segment],
                    JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < array.Count => array[index],
                    _ => null,
                };
                if (node is null) break;
            }
        }
        if (node is null)
        {
            Report(Descriptors.UnresolvedReference, Locate(place.File, place.FilePointer + "/$ref"), reference);
        }
        return node;
    }

    private JsonNode? Tree(string file)
    {
        if (_trees.TryGetValue(file, out var known)) return known;
        _parts.TryFind(RefPath.Normalize(file), out var part);
        var map = SourceMap.Deferred(part.FilePath, part.Text);
        _maps[file] = map;
        var tree = TreeReader.TryRead(part.FilePath, part.Text);
        if (tree is null)
        {
            _diagnostics.Add(map.SyntaxError ?? new DiagnosticInfo(Descriptors.OpenApiError.Id, DiagnosticFactory.FileStart(file),
                new EquatableArray<string>(new[] { "the file is not valid YAML or JSON" })));
        }
        _trees[file] = tree;
        return tree;
    }

    private SourceLocation Locate(string file, string pointer) =>
        (_maps.TryGetValue(file, out var map) ? map.Locate(pointer) : null) ?? DiagnosticFactory.FileStart(file);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SourceLocation location, params string[] args) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(args)));

    private static string LastSegment(string fragment)
    {
        var last = fragment.Substring(fragment.LastIndexOf('/') + 1);
        return Uri.UnescapeDataString(last).Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>Component names allow letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.</summary>
    private static string SchemaName(string wanted)
    {
        var name = new StringBuilder();
        foreach (char c in wanted)
        {
            name.Append(char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_');
        }
        return name.Length == 0 ? "Schema" : name.ToString();
    }

    private enum Member { Skip, Document, Schema, SchemaMap, Discriminator }

    /// <summary>Inside a schema only schema keywords hold schemas; values such as <c>example</c> or <c>enum</c> are data.</summary>
    private static Member SchemaMember(string key) => key switch
    {
        "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" => Member.SchemaMap,
        "items" or "additionalProperties" or "not" or "if" or "then" or "else" or "contains" or "propertyNames"
            or "unevaluatedItems" or "unevaluatedProperties" or "additionalItems" or "contentSchema"
            or "allOf" or "anyOf" or "oneOf" or "prefixItems" => Member.Schema,
        "discriminator" => Member.Discriminator,
        _ => Member.Skip,
    };

    private Member DocumentMember(string key, Place place)
    {
        if (key.StartsWith("x-", StringComparison.Ordinal)) return Member.Skip;
        switch (key)
        {
            case "example" or "value" or "enum" or "const":
                return Member.Skip;
            case "examples":
                return _isSwagger2 ? Member.Skip : Member.Document;
            case "default":
                // A response map's "default" is a response; anywhere else it is a value.
                return place.FilePointer.EndsWith("/responses", StringComparison.Ordinal) ? Member.Document : Member.Skip;
            case "schema":
                return Member.Schema;
            case "definitions" when place.FilePointer.Length == 0:
            case "schemas" when place.FilePointer == "/components":
                return Member.SchemaMap;
            default:
                return Member.Document;
        }
    }

    /// <summary>Where a node is: its file and pointer there, its pointer in the bundle, and whether it is a schema.</summary>
    private readonly struct Place
    {
        public Place(string file, string filePointer, string bundlePointer, bool schema)
        {
            File = file;
            FilePointer = filePointer;
            BundlePointer = bundlePointer;
            Schema = schema;
        }

        public string File { get; }

        public string FilePointer { get; }

        public string BundlePointer { get; }

        public bool Schema { get; }

        public Place Child(string key, bool schema) =>
            new(File, JsonPointer.Append(FilePointer, key), JsonPointer.Append(BundlePointer, key), schema);
    }
}
