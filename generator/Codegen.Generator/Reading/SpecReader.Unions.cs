using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary><c>oneOf</c>/<c>anyOf</c> with several non-null schemas → a <see cref="UnionModel"/>.</summary>
internal sealed partial class SpecReader
{
    private readonly HashSet<string> _unionNames = new(StringComparer.Ordinal);

    /// <summary>A schema that becomes a union: several non-null branches, each one with a type of its own, and no properties.</summary>
    private static bool IsUnion(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 }) return false;
        if (schema.AllOf is { Count: > 0 } && StructuralAllOfCount(schema) == 1) return false;
        var alternatives = (IList<IOpenApiSchema>?)schema.OneOf ?? schema.AnyOf;
        if (alternatives is null) return false;
        var nonNull = alternatives.Where(a => !IsNullOnly(a)).ToList();
        return nonNull.Count > 1 && nonNull.All(IsTypedBranch);
    }

    /// <summary>A branch that says what it is; constraint-only branches (<c>- required: [a]</c>) do not make a type.</summary>
    private static bool IsTypedBranch(IOpenApiSchema branch) =>
        branch is OpenApiSchemaReference
        || ((branch.Type ?? 0) & ~JsonSchemaType.Null) != 0
        || branch.Properties is { Count: > 0 }
        || branch.AllOf is { Count: > 0 }
        || branch.OneOf is { Count: > 0 }
        || branch.AnyOf is { Count: > 0 }
        || branch.Enum is { Count: > 0 };

    private Resolved ReadUnion(IOpenApiSchema schema, string pointer, string nameHint, bool fixedName)
    {
        bool isOneOf = schema.OneOf is { Count: > 0 };
        string keyword = isOneOf ? "oneOf" : "anyOf";
        var alternatives = isOneOf ? schema.OneOf! : schema.AnyOf!;
        var name = fixedName ? nameHint : TakeTypeName(CSharpName.PascalIdentifier(nameHint, "Union", "Union"), "schema", nameHint, pointer);
        _unionNames.Add(name);

        var members = new NameScope();
        members.Reserve(name);
        members.Reserve("Unknown");
        foreach (var reserved in ReservedMemberNames) members.Reserve(reserved);

        var variants = new List<(string Name, TypeRef Type, UnionToken Token, List<string> Values, string? ComponentId)>();
        bool nullable = IsNullable(schema);
        int option = 0;
        for (int i = 0; i < alternatives.Count; i++)
        {
            var branch = alternatives[i];
            if (IsNullOnly(branch))
            {
                nullable = true;
                continue;
            }
            option++;
            var branchPointer = JsonPointer.Append(pointer, keyword, i.ToString(CultureInfo.InvariantCulture));
            var resolved = Resolve(branch, branchPointer, nameHint + "Option" + option.ToString(CultureInfo.InvariantCulture));
            nullable |= resolved.Nullable;
            var componentId = (branch as OpenApiSchemaReference)?.Reference?.Id;
            var csharp = CSharpTypeKey(resolved.Type);
            if (variants.Any(v => CSharpTypeKey(v.Type).Equals(csharp)))
            {
                // Two branches with one C# type (e.g. two string formats) cannot be told apart: the first one stays.
                continue;
            }
            var memberName = members.Take(VariantName(resolved.Type, name), out _);
            variants.Add((memberName, resolved.Type, TokenOf(branch, resolved.Type), new List<string>(), componentId));
        }

        string? discriminatorProperty = null;
        var discriminatorKind = DiscriminatorKind.String;
        if (schema.Discriminator is { } discriminator && !string.IsNullOrEmpty(discriminator.PropertyName))
        {
            discriminatorProperty = discriminator.PropertyName;
            discriminatorKind = KindOfDiscriminator(alternatives, discriminatorProperty!);
            for (int i = 0; i < alternatives.Count; i++)
            {
                var branch = alternatives[i];
                if (IsNullOnly(branch)) continue;
                var target = branch is OpenApiSchemaReference reference ? SafeTarget(reference) : branch;
                if (target is not null && ShapeOf(target) == Shape.Object && FindProperty(target, discriminatorProperty!, depth: 0) is null)
                {
                    // The variant's record writes only its own properties, so the discriminator would be lost on writing.
                    Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, keyword, i.ToString(CultureInfo.InvariantCulture)),
                        $"A {keyword} branch without the discriminator property '{discriminatorProperty}'", "the variant is written without it");
                }
            }
            foreach (var entry in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                var targetId = entry.Value?.Reference?.Id;
                int index = variants.FindIndex(v => v.ComponentId is not null && v.ComponentId == targetId);
                var value = NormalizeDiscriminatorValue(entry.Key, discriminatorKind);
                if (index < 0 || value is null)
                {
                    Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(JsonPointer.Append(pointer, "discriminator"), "mapping", entry.Key),
                        $"The discriminator mapping '{entry.Key}'", index < 0 ? "it names no branch of the " + keyword + " and is ignored" : "its key does not fit the discriminator's type and is ignored");
                    continue;
                }
                variants[index].Values.Add(value);
            }
            foreach (var variant in variants)
            {
                // Implicit mapping: a branch the mapping does not name is selected by its component name.
                if (variant.Values.Count == 0 && variant.ComponentId is not null && discriminatorKind == DiscriminatorKind.String)
                {
                    variant.Values.Add(variant.ComponentId);
                }
            }
        }
        else if (schema.Discriminator is not null)
        {
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, "discriminator"), "A 'discriminator' without 'propertyName'", "branches are chosen by the JSON value");
        }

        _types.Add(new UnionModel(
            name,
            pointer,
            schema.Description,
            null,
            variants.Select(v => new UnionVariant(v.Name, v.Type, v.Token, v.Values.Distinct().ToEquatableArray())).ToEquatableArray(),
            discriminatorProperty,
            discriminatorKind,
            isOneOf));
        return new Resolved(new TypeRef(TypeKind.Model, name), nullable);
    }

    /// <summary>Branches are merged when their C# types are equal: binary values are C# strings too.</summary>
    private static TypeRef CSharpTypeKey(TypeRef type) => type with
    {
        Kind = type.Kind is TypeKind.Binary ? TypeKind.String : type.Kind,
        Item = type.Item is null ? null : CSharpTypeKey(type.Item),
    };

    /// <summary>A member may not be named like its type: a union holding itself gets <c>{Name}Value</c>.</summary>
    private static string VariantName(TypeRef type, string unionName)
    {
        var name = VariantName(type);
        return name == unionName ? name + "Value" : name;
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Model or TypeKind.Enum => type.Name!,
        TypeKind.Array => VariantName(type.Item!) + "List",
        TypeKind.Dictionary => VariantName(type.Item!) + "Map",
        TypeKind.Any => "Json",
        TypeKind.Binary => "String",
        _ => type.Kind.ToString(),
    };

    private UnionToken TokenOf(IOpenApiSchema branch, TypeRef type)
    {
        switch (type.Kind)
        {
            case TypeKind.Boolean:
                return UnionToken.Boolean;
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal:
                return UnionToken.Number;
            case TypeKind.Array:
                return UnionToken.Array;
            case TypeKind.Dictionary:
                return UnionToken.Object;
            case TypeKind.Any:
                return UnionToken.Any;
            case TypeKind.Enum:
                return type.Name is not null && _enumsByName.TryGetValue(type.Name, out var enumModel) && !enumModel.IsString ? UnionToken.Number : UnionToken.String;
            case TypeKind.Model:
                // A nested union may start with any token; a record is an object.
                return type.Name is not null && _unionNames.Contains(type.Name) ? UnionToken.Any : UnionToken.Object;
            default:
                return UnionToken.String;
        }
    }

    /// <summary>The discriminator's wire type, from the property as the first branch that declares it types it.</summary>
    private DiscriminatorKind KindOfDiscriminator(IList<IOpenApiSchema> alternatives, string propertyName)
    {
        foreach (var branch in alternatives)
        {
            var target = branch is OpenApiSchemaReference reference ? SafeTarget(reference) : branch;
            var property = FindProperty(target, propertyName, depth: 0);
            if (property is null) continue;
            var type = (property.Type ?? 0) & ~JsonSchemaType.Null;
            return type switch
            {
                JsonSchemaType.Boolean => DiscriminatorKind.Boolean,
                JsonSchemaType.Integer or JsonSchemaType.Number => DiscriminatorKind.Number,
                _ => DiscriminatorKind.String,
            };
        }
        return DiscriminatorKind.String;
    }

    private IOpenApiSchema? FindProperty(IOpenApiSchema? schema, string propertyName, int depth)
    {
        if (schema is null || depth > 8) return null;
        if (schema.Properties is { } properties && properties.TryGetValue(propertyName, out var property))
        {
            return property is OpenApiSchemaReference reference ? SafeTarget(reference) : property;
        }
        foreach (var part in schema.AllOf ?? new List<IOpenApiSchema>())
        {
            var found = FindProperty(part is OpenApiSchemaReference reference ? SafeTarget(reference) : part, propertyName, depth + 1);
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>A mapping key in the discriminator's wire form: <c>"True"</c> → <c>true</c>, <c>"1.0"</c> stays a number; null when it cannot be one.</summary>
    private static string? NormalizeDiscriminatorValue(string key, DiscriminatorKind kind) => kind switch
    {
        DiscriminatorKind.Boolean => bool.TryParse(key, out var flag) ? (flag ? "true" : "false") : null,
        DiscriminatorKind.Number => decimal.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(CultureInfo.InvariantCulture) : null,
        _ => key,
    };
}
