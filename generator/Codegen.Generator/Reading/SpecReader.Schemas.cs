using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>Schemas → <see cref="TypeRef"/>s, creating a record or enum for every object or enum schema met.</summary>
internal sealed partial class SpecReader
{
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct",
        "MemberwiseClone", "Finalize", "ReadJson", "WriteJson", "Validate",
    };

    private readonly Dictionary<string, string> _componentNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumModel> _enumsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resolved> _inlineTypes = new(StringComparer.Ordinal);

    /// <summary>A schema's C# type and whether it allows <c>null</c>.</summary>
    internal readonly struct Resolved
    {
        public Resolved(TypeRef type, bool nullable)
        {
            Type = type;
            Nullable = nullable;
        }

        public TypeRef Type { get; }

        public bool Nullable { get; }
    }

    private static readonly TypeRef AnyType = new(TypeKind.Any);

    /// <summary>How deep allOf members are followed when flattening (a guard; real specs use 2–4 levels).</summary>
    private const int MaxCompositionDepth = 32;

    /// <summary>Resolves a schema met at <paramref name="pointer"/>; inline objects and enums are named <paramref name="nameHint"/>.</summary>
    internal Resolved Resolve(IOpenApiSchema? schema, string pointer, string nameHint)
    {
        if (schema is null)
        {
            return new Resolved(AnyType, true);
        }
        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveReference(reference, pointer);
        }
        // The same inline schema is met again when several schemas inherit it through allOf: one type for all.
        if (_inlineTypes.TryGetValue(pointer, out var known))
        {
            return known;
        }
        var built = Build(schema, pointer, nameHint);
        _inlineTypes[pointer] = built;
        return built;
    }

    private Resolved ResolveReference(OpenApiSchemaReference reference, string pointer)
    {
        var id = reference.Reference?.Id;
        if (id is not null && _document.Components?.Schemas is { } components && components.TryGetValue(id, out var aliased)
            && aliased is OpenApiSchemaReference alias)
        {
            return ResolveAlias(id, alias, pointer);
        }
        // The reader leaves local refs to schemas that declare an $id unresolved; SafeTarget finds the component.
        var target = SafeTarget(reference);
        var referenceText = reference.Reference?.ReferenceV3 ?? ("#/components/schemas/" + id);
        if (target is null && referenceText.StartsWith("#", StringComparison.Ordinal) && !referenceText.StartsWith("#/", StringComparison.Ordinal))
        {
            // "#name" is a JSON Schema anchor ($dynamicRef / $anchor), not a location in the document.
            Report(Descriptors.UnsupportedConstruct, pointer, $"The anchor reference '{referenceText}' ($dynamicRef/$anchor)", "the value is typed as JsonElement");
            return new Resolved(AnyType, true);
        }
        if (target is null || id is null || !_componentNames.TryGetValue(id, out var name))
        {
            Report(Descriptors.UnresolvedReference, JsonPointer.Append(pointer, "$ref"), referenceText);
            return new Resolved(AnyType, true);
        }
        bool nullable = IsNullable(target);
        if (_componentTypes.TryGetValue(id, out var known))
        {
            return new Resolved(known, nullable);
        }
        var componentPointer = JsonPointer.Append("/components/schemas", id);
        return BuildComponent(id, target, componentPointer, name);
    }

    /// <summary>
    /// A component that is nothing but <c>$ref: X</c> is another name for X: it resolves to X's type and gets no
    /// type of its own. A cycle of such names has nothing to generate and is reported.
    /// </summary>
    private Resolved ResolveAlias(string id, OpenApiSchemaReference alias, string pointer)
    {
        if (_componentTypes.TryGetValue(id, out var known) && known.Kind == TypeKind.Any)
        {
            return new Resolved(known, true); // a cycle, reported the first time
        }
        var chain = new List<string> { id };
        var current = alias;
        var components = _document.Components!.Schemas!;
        while (current.Reference?.Id is { } next && components.TryGetValue(next, out var target) && target is OpenApiSchemaReference further)
        {
            if (chain.Contains(next))
            {
                Report(Descriptors.UnsupportedConstruct, JsonPointer.Append("/components/schemas", id), $"The schemas {string.Join(" → ", chain)} → {next}, which only refer to each other,", "the value is typed as JsonElement");
                foreach (var name in chain) _componentTypes[name] = AnyType;
                return new Resolved(AnyType, true);
            }
            chain.Add(next);
            current = further;
        }
        // The last alias refers to a real schema (or to nothing: ResolveReference reports that at the alias).
        var resolved = ResolveReference(current, JsonPointer.Append("/components/schemas", chain[chain.Count - 1]));
        foreach (var name in chain) _componentTypes[name] = resolved.Type;
        return resolved;
    }

    private Resolved BuildComponent(string id, IOpenApiSchema target, string pointer, string name)
    {
        // Objects and enums are registered before their members are read, so cycles end at the registration.
        var shape = ShapeOf(target);
        if (shape == Shape.Object)
        {
            _componentTypes[id] = new TypeRef(TypeKind.Model, name);
        }
        else if (shape == Shape.Enum)
        {
            _componentTypes[id] = new TypeRef(TypeKind.Enum, name);
        }
        else if (IsUnion(target))
        {
            // Unions too: a branch may refer back to the union (trees of nodes).
            _componentTypes[id] = new TypeRef(TypeKind.Model, name);
        }
        var resolved = Build(target, pointer, name, fixedName: true);
        _componentTypes[id] = resolved.Type;
        return resolved;
    }

    private enum Shape
    {
        Other,
        Object,
        Enum,
    }

    private static Shape ShapeOf(IOpenApiSchema schema)
    {
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } && (type == JsonSchemaType.String || type == JsonSchemaType.Integer))
        {
            return Shape.Enum;
        }
        if ((type == JsonSchemaType.Object || type == 0) && (schema.Properties is { Count: > 0 } || StructuralAllOfCount(schema) > 1))
        {
            return Shape.Object;
        }
        return Shape.Other;
    }

    /// <summary>
    /// allOf members that shape the value. A member with nothing but annotations (description, title, example,
    /// nullable, readOnly…) is a common way to describe a <c>$ref</c> in 3.0, where <c>$ref</c> siblings are ignored.
    /// </summary>
    private static int StructuralAllOfCount(IOpenApiSchema schema)
    {
        int count = 0;
        foreach (var member in schema.AllOf ?? (IList<IOpenApiSchema>)Array.Empty<IOpenApiSchema>())
        {
            if (!IsAnnotationOnly(member)) count++;
        }
        return count;
    }

    private static int IndexOfStructuralMember(IList<IOpenApiSchema> members)
    {
        for (int i = 0; i < members.Count; i++)
        {
            if (!IsAnnotationOnly(members[i])) return i;
        }
        return 0;
    }

    private static bool IsAnnotationOnly(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && ((schema.Type ?? 0) & ~JsonSchemaType.Null) == 0
        && schema.Properties is not { Count: > 0 }
        && schema.AllOf is not { Count: > 0 } && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 }
        && schema.Items is null && schema.AdditionalProperties is null && schema.Enum is not { Count: > 0 } && schema.Const is null
        && schema.Required is not { Count: > 0 } && schema.Discriminator is null && schema.Not is null && schema.Format is null
        && schema.Pattern is null && schema.MinLength is null && schema.MaxLength is null
        && schema.Minimum is null && schema.Maximum is null && schema.ExclusiveMinimum is null && schema.ExclusiveMaximum is null
        && schema.MultipleOf is null && schema.MinItems is null && schema.MaxItems is null
        && schema.MinProperties is null && schema.MaxProperties is null && schema.PatternProperties is not { Count: > 0 };

    private static bool IsNullable(IOpenApiSchema schema) => schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    private Resolved Build(IOpenApiSchema schema, string pointer, string nameHint, bool fixedName = false)
    {
        bool nullable = IsNullable(schema);

        // allOf with one member that has structure (a $ref, often beside a member that only carries a description) is
        // that member.
        if (schema.AllOf is { Count: > 0 } && schema.Properties is not { Count: > 0 } && StructuralAllOfCount(schema) == 1)
        {
            if (schema.Discriminator is not null)
            {
                Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, "discriminator"), "'discriminator' outside a oneOf/anyOf", "polymorphism is ignored; the allOf member is generated");
            }
            int index = IndexOfStructuralMember(schema.AllOf);
            var inner = Resolve(schema.AllOf[index], JsonPointer.Append(pointer, "allOf", index.ToString(CultureInfo.InvariantCulture)), nameHint);
            bool annotatedNull = schema.AllOf.Any(m => m is not OpenApiSchemaReference && IsNullable(m));
            return new Resolved(inner.Type, inner.Nullable || nullable || annotatedNull);
        }

        var alternatives = (IList<IOpenApiSchema>?)schema.OneOf ?? schema.AnyOf;
        if (alternatives is { Count: > 0 } && schema.Properties is { Count: > 0 })
        {
            // Properties win: the object is generated from them (an object registered for a cycle stays an object).
            string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, keyword), $"'{keyword}' next to 'properties'", "only the properties are generated");
        }
        else if (alternatives is { Count: > 0 })
        {
            string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
            var nonNull = alternatives.Select((s, i) => (Schema: s, Index: i)).Where(a => !IsNullOnly(a.Schema)).ToList();
            if (nonNull.Count == 1)
            {
                // 3.1's "oneOf: [X, {type: 'null'}]" is a nullable X.
                var inner = Resolve(nonNull[0].Schema, JsonPointer.Append(pointer, keyword, nonNull[0].Index.ToString(CultureInfo.InvariantCulture)), nameHint);
                return new Resolved(inner.Type, true);
            }
            if (IsUnion(schema))
            {
                return ReadUnion(schema, pointer, nameHint, fixedName);
            }
            if (nonNull.Count == 0)
            {
                // Only null branches: nothing but null is allowed, kept as an untyped value.
                return new Resolved(AnyType, true);
            }
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, keyword), $"'{keyword}' with a branch that states no type", "the value is typed as JsonElement");
            return new Resolved(AnyType, true);
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type != 0 && !IsSingleFlag(type))
        {
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, "type"), "A type array with several non-null types", "the value is typed as JsonElement");
            return new Resolved(AnyType, true);
        }

        if (schema.Enum is { Count: > 0 } && (type == JsonSchemaType.String || type == JsonSchemaType.Integer))
        {
            var name = fixedName ? nameHint : TakeTypeName(CSharpName.PascalIdentifier(nameHint, "Enum", "Enum"), "enum", nameHint, pointer);
            var enumModel = ReadEnum(schema, pointer, name, type == JsonSchemaType.String, ref nullable);
            return new Resolved(new TypeRef(TypeKind.Enum, enumModel.Name), nullable);
        }

        if (schema.Discriminator is not null)
        {
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, "discriminator"), "'discriminator' outside a oneOf/anyOf", "polymorphism is ignored; the schema's own properties are generated");
        }

        bool hasProperties = schema.Properties is { Count: > 0 } || StructuralAllOfCount(schema) > 1;
        if (type == JsonSchemaType.Object || (type == 0 && hasProperties))
        {
            if (!hasProperties)
            {
                if (schema.AdditionalProperties is { } valueSchema)
                {
                    var value = Resolve(valueSchema, JsonPointer.Append(pointer, "additionalProperties"), nameHint + "Value");
                    return new Resolved(new TypeRef(TypeKind.Dictionary, Item: value.Type, ItemNullable: value.Nullable), nullable);
                }
                return new Resolved(AnyType, true);
            }
            var name = fixedName ? nameHint : TakeTypeName(CSharpName.PascalIdentifier(nameHint, "Model", "Model"), "schema", nameHint, pointer);
            ReadRecord(schema, pointer, name);
            return new Resolved(new TypeRef(TypeKind.Model, name), nullable);
        }

        switch (type)
        {
            case JsonSchemaType.Array:
                var items = Resolve(schema.Items, JsonPointer.Append(pointer, "items"), nameHint + "Item");
                return new Resolved(new TypeRef(TypeKind.Array, Item: items.Type, ItemNullable: items.Nullable), nullable);
            case JsonSchemaType.String:
                return new Resolved(new TypeRef(StringKind(schema.Format)), nullable);
            case JsonSchemaType.Integer:
                return new Resolved(new TypeRef(schema.Format == "int64" ? TypeKind.Int64 : TypeKind.Int32), nullable);
            case JsonSchemaType.Number:
                var kind = schema.Format switch
                {
                    "float" => TypeKind.Float,
                    "decimal" => TypeKind.Decimal,
                    "int32" => TypeKind.Int32,
                    "int64" => TypeKind.Int64,
                    _ => TypeKind.Double,
                };
                return new Resolved(new TypeRef(kind), nullable);
            case JsonSchemaType.Boolean:
                return new Resolved(new TypeRef(TypeKind.Boolean), nullable);
            default:
                return new Resolved(AnyType, true);
        }
    }

    private static bool IsNullOnly(IOpenApiSchema schema) => schema.Type == JsonSchemaType.Null;

    private static bool IsSingleFlag(JsonSchemaType type) => (type & (type - 1)) == 0;

    /// <summary>Formats with a richer .NET type; <c>binary</c> stays a string (see docs).</summary>
    private static TypeKind StringKind(string? format) => format switch
    {
        "date-time" => TypeKind.DateTime,
        "date" => TypeKind.Date,
        "time" => TypeKind.Time,
        "duration" => TypeKind.Duration,
        "uuid" => TypeKind.Uuid,
        "uri" => TypeKind.Uri,
        "byte" => TypeKind.Base64,
        _ => TypeKind.String,
    };

    private void ReadRecord(IOpenApiSchema schema, string pointer, string name)
    {
        var members = new NameScope();
        members.Reserve(name);
        foreach (var reserved in ReservedMemberNames) members.Reserve(reserved);

        var properties = new List<PropertyModel>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var enums = new List<EnumModel>();
        IOpenApiSchema? extrasSchema = null;
        string? extrasPointer = null;

        void AddFrom(IOpenApiSchema source, string sourcePointer, string owner)
        {
            foreach (var r in source.Required ?? (ISet<string>)new HashSet<string>()) required.Add(r);
            if (source.AdditionalProperties is { } extra)
            {
                // Members beyond the declared properties; the most derived declaration wins.
                extrasSchema = extra;
                extrasPointer = JsonPointer.Append(sourcePointer, "additionalProperties");
            }
            foreach (var entry in source.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                var propertyPointer = JsonPointer.Append(sourcePointer, "properties", entry.Key);
                if (seen.Add(entry.Key))
                {
                    properties.Add(ReadProperty(entry.Key, entry.Value, propertyPointer, name, owner, members, enums));
                }
                else if (!IsAnnotationOnly(entry.Value))
                {
                    // A later declaration (the derived schema's) narrows the type: it wins, keeping the place and name.
                    int index = properties.FindIndex(p => p.JsonName == entry.Key);
                    properties[index] = ReadProperty(entry.Key, entry.Value, propertyPointer, name, owner, members, enums, properties[index].Name);
                }
            }
        }

        // allOf members first (at any depth: a parent may itself be composed), then the schema's own properties; the
        // first declaration of a property wins.
        var composed = new HashSet<IOpenApiSchema>();
        // Inline types inside an inherited member are named after the schema that declares them (owner), so every
        // schema that inherits them shares one type (Resolve caches inline schemas by pointer).
        void AddComposed(IOpenApiSchema source, string sourcePointer, string owner, int depth)
        {
            if (depth > MaxCompositionDepth || !composed.Add(source)) return;
            for (int i = 0; i < (source.AllOf?.Count ?? 0); i++)
            {
                var part = source.AllOf![i];
                var partPointer = JsonPointer.Append(sourcePointer, "allOf", i.ToString(CultureInfo.InvariantCulture));
                if (part is OpenApiSchemaReference partReference)
                {
                    var target = SafeTarget(partReference);
                    if (target is null)
                    {
                        Report(Descriptors.UnresolvedReference, JsonPointer.Append(partPointer, "$ref"), partReference.Reference?.ReferenceV3 ?? "");
                        continue;
                    }
                    var id = partReference.Reference!.Id!;
                    AddComposed(target, JsonPointer.Append("/components/schemas", id), _componentNames.TryGetValue(id, out var parentName) ? parentName : owner, depth + 1);
                }
                else
                {
                    AddComposed(part, partPointer, owner, depth + 1);
                }
            }
            AddFrom(source, sourcePointer, owner);
        }
        AddComposed(schema, pointer, name, 0);

        // A required readOnly property is required in responses only (OpenAPI 3.0 §4.7.25.3): callers building a
        // request do not set it, so it is optional in C#, in validation and when reading.
        var finalProperties = properties.Select(p => required.Contains(p.JsonName) && !p.IsReadOnly ? p with { IsRequired = true } : p).ToList();
        TypeRef? extras = null;
        string? extrasName = null;
        if (extrasSchema is not null)
        {
            var value = Resolve(extrasSchema, extrasPointer!, name + "Value");
            CollectEnums(value.Type, enums);
            extras = new TypeRef(TypeKind.Dictionary, Item: value.Type, ItemNullable: value.Nullable);
            extrasName = members.Take("AdditionalProperties", out _);
        }
        var rules = ConstraintReader.ReadObjectRules(schema, pointer, _diagnostics, _map);
        _types.Add(new RecordModel(
            name,
            pointer,
            schema.Description,
            null,
            finalProperties.ToEquatableArray(),
            rules,
            extras,
            enums.Distinct().ToEquatableArray())
        {
            AdditionalPropertiesName = extrasName,
        });
    }

    private string TakeMemberName(string jsonName, string pointer, string recordName, NameScope members)
    {
        var wanted = CSharpName.PascalIdentifier(jsonName, "Property", "Property");
        if (wanted == recordName) wanted += "Value";
        var name = members.Take(wanted, out bool collided);
        if (collided && !ReservedMemberNames.Contains(wanted))
        {
            Report(Descriptors.NameCollision, pointer, "property", jsonName, wanted, name);
        }
        return name;
    }

    private IOpenApiSchema? SafeTarget(OpenApiSchemaReference reference)
    {
        // A local "#/components/schemas/X" is that component: looked up directly, as Target would find it, without
        // the URI Microsoft.OpenApi builds for every resolution.
        if (reference.Reference is { IsLocal: true, Id: { } localId } && localId.IndexOf('/') < 0
            && _document.Components?.Schemas is { } local && local.TryGetValue(localId, out var found))
        {
            return found;
        }
        IOpenApiSchema? target = null;
        try
        {
            target = reference.Target;
        }
        catch (Exception)
        {
            // Treated as unresolved below.
        }
        if (target is null && reference.Reference?.Id is { } id && _document.Components?.Schemas is { } schemas && schemas.TryGetValue(id, out var component))
        {
            target = component;
        }
        return target;
    }

    private PropertyModel ReadProperty(string jsonName, IOpenApiSchema schema, string pointer, string recordName, string owner, NameScope members, List<EnumModel> enums, string? overriddenName = null)
    {
        var name = overriddenName ?? TakeMemberName(jsonName, pointer, recordName, members);

        var resolved = Resolve(schema, pointer, owner + CSharpName.Pascal(jsonName));
        CollectEnums(resolved.Type, enums);
        var target = schema is OpenApiSchemaReference reference ? SafeTarget(reference) ?? schema : schema;
        // Keyword values as the schema states them (a plain $ref: its target's, resolved once).
        var values = _targets.ValuesOf(schema);
        bool sensitive = target.Format == "password" || values.Format == "password" || IsTrue(values.Extensions, "x-sensitive") || IsTrue(target.Extensions, "x-sensitive");
        string? expiresAfter = null;
        long? lifetimeTicks = null;
        if (NodeOf(values.Extensions, "x-codegen-expires-after") is { } expiresNode)
        {
            if (expiresNode is JsonValue expiresValue && expiresValue.GetValueKind() == JsonValueKind.String
                && IsoDuration.TryParse(expiresValue.GetValue<string>(), out var expiresTicks))
            {
                expiresAfter = IsoDuration.Describe(expiresTicks);
                lifetimeTicks = expiresTicks;
            }
            else
            {
                Report(Descriptors.ExtensionIgnored, JsonPointer.Append(pointer, "x-codegen-expires-after"), "x-codegen-expires-after", "it must be a positive ISO-8601 duration such as PT2H");
            }
        }
        if (NodeOf(values.Extensions, RefreshWithKey) is { } refreshNode)
        {
            NoteRefreshable(recordName, name, jsonName, resolved.Type, lifetimeTicks, refreshNode, JsonPointer.Append(pointer, RefreshWithKey));
        }
        return new PropertyModel(
            name,
            jsonName,
            resolved.Type,
            IsRequired: false,
            IsNullable: resolved.Nullable,
            values.Description,
            ConstraintReader.ReadValue(schema, pointer, _diagnostics, _map, _targets),
            sensitive,
            values.ReadOnly,
            values.WriteOnly,
            values.Deprecated)
        {
            ExpiresAfter = expiresAfter,
        };
    }

    private void CollectEnums(TypeRef type, List<EnumModel> enums)
    {
        if (type.Kind == TypeKind.Enum && type.Name is not null && _enumsByName.TryGetValue(type.Name, out var model))
        {
            enums.Add(model);
        }
        else if (type.Item is not null)
        {
            CollectEnums(type.Item, enums);
        }
    }

    private EnumModel ReadEnum(IOpenApiSchema schema, string pointer, string name, bool isString, ref bool nullable)
    {
        var values = schema.Enum!;
        var varNames = EnumList(schema, pointer, "x-enum-varnames", values.Count, "names are derived from the values");
        var enumNames = EnumList(schema, pointer, "x-enumNames", values.Count, "names are derived from the values");
        if (varNames is not null && enumNames is not null && !varNames.SequenceEqual(enumNames))
        {
            Report(Descriptors.ExtensionIgnored, JsonPointer.Append(pointer, "x-enumNames"), "x-enumNames", "it disagrees with x-enum-varnames, which wins");
        }
        varNames ??= enumNames;
        var descriptions = EnumList(schema, pointer, "x-enum-descriptions", values.Count, "member docs are left out");

        var members = new List<EnumMemberModel>();
        var scope = new NameScope();
        scope.Reserve("value__");
        bool needsLong = false;
        int position = 0;
        for (int i = 0; i < values.Count; i++)
        {
            var node = values[i];
            if (node is null || node.GetValueKind() == JsonValueKind.Null)
            {
                nullable = true;
                continue;
            }
            string wire;
            long numeric;
            if (isString)
            {
                if (node.GetValueKind() != JsonValueKind.String) continue;
                wire = node.GetValue<string>();
                numeric = ++position;
            }
            else
            {
                if (node.GetValueKind() != JsonValueKind.Number || !long.TryParse(node.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numeric)) continue;
                wire = numeric.ToString(CultureInfo.InvariantCulture);
                needsLong |= numeric < int.MinValue || numeric > int.MaxValue;
            }
            if (members.Any(m => m.Value == wire)) continue;

            var wanted = varNames is not null
                ? CSharpName.PascalIdentifier(varNames[i], "Value", CSharpName.EnumMember(wire, !isString, name))
                : CSharpName.EnumMember(wire, !isString, name);
            if (wanted == name) wanted += "Value";
            var memberName = scope.Take(wanted, out bool collided);
            if (collided)
            {
                Report(Descriptors.NameCollision, JsonPointer.Append(pointer, "enum", i.ToString(CultureInfo.InvariantCulture)), "enum member", wire, wanted, memberName);
            }
            members.Add(new EnumMemberModel(memberName, wire, numeric, descriptions?[i]));
        }

        var model = new EnumModel(name, pointer, schema.Description, null, isString, needsLong ? "long" : "int", members.ToEquatableArray());
        _types.Add(model);
        _enumsByName[name] = model;
        return model;
    }

    /// <summary>A list parallel to <c>enum</c>; a wrong length is reported and the list is not used.</summary>
    private List<string>? EnumList(IOpenApiSchema schema, string pointer, string key, int count, string fallback)
    {
        var list = StringArray(schema.Extensions, key);
        if (list is not null && list.Count != count)
        {
            Report(Descriptors.ExtensionIgnored, JsonPointer.Append(pointer, key), key,
                $"it has {list.Count} entries but enum has {count}; {fallback}");
            return null;
        }
        return list;
    }

    internal static bool IsTrue(IDictionary<string, IOpenApiExtension>? extensions, string key) =>
        extensions is not null && extensions.TryGetValue(key, out var extension) && extension is JsonNodeExtension { Node: JsonValue value }
        && value.GetValueKind() == JsonValueKind.True;

    internal static JsonNode? NodeOf(IDictionary<string, IOpenApiExtension>? extensions, string key) =>
        extensions is not null && extensions.TryGetValue(key, out var extension) && extension is JsonNodeExtension node ? node.Node : null;

    private static List<string>? StringArray(IDictionary<string, IOpenApiExtension>? extensions, string key)
    {
        if (NodeOf(extensions, key) is not JsonArray array) return null;
        var list = new List<string>();
        foreach (var item in array)
        {
            list.Add(item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item?.ToJsonString() ?? "");
        }
        return list;
    }
}
