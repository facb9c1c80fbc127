using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.OpenApi;
using ModelParameterLocation = Codegen.Generator.Model.ParameterLocation;

namespace Codegen.Generator.Reading;

/// <summary>
/// Operation parameters → <see cref="ParameterModel"/>s: location, shape (value, list, object, map, union, JSON
/// content), style and explode as OpenAPI 3.x defines them (Swagger 2.0 <c>collectionFormat</c> mapped alike).
/// </summary>
internal sealed partial class SpecReader
{
    private bool _isSwagger2;

    private List<ParameterModel> ReadParameters(IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer, string methodName, NameScope names)
    {
        // Operation parameters override path-item parameters with the same name and location.
        var merged = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        for (int i = 0; i < (pathItem.Parameters?.Count ?? 0); i++)
        {
            merged.Add((pathItem.Parameters![i], JsonPointer.Append(pathPointer, "parameters", i.ToString(CultureInfo.InvariantCulture))));
        }
        for (int i = 0; i < (operation.Parameters?.Count ?? 0); i++)
        {
            var parameter = operation.Parameters![i];
            merged.RemoveAll(p => p.Parameter.Name == parameter.Name && p.Parameter.In == parameter.In);
            merged.Add((parameter, JsonPointer.Append(pointer, "parameters", i.ToString(CultureInfo.InvariantCulture))));
        }

        var result = new List<ParameterModel>();
        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Name is null || parameter.In is null) continue;
            var read = ReadParameter(parameter, parameterPointer, methodName, names);
            if (read is not null) result.Add(read);
        }

        // Required parameters first (path order kept), optional ones after: optional C# parameters come last.
        return result.Where(p => p.IsRequired).Concat(result.Where(p => !p.IsRequired)).ToList();
    }

    private ParameterModel? ReadParameter(IOpenApiParameter parameter, string parameterPointer, string methodName, NameScope names)
    {
        var name = parameter.Name!;
        ModelParameterLocation location;
        switch (parameter.In!.Value)
        {
            case Microsoft.OpenApi.ParameterLocation.Path: location = ModelParameterLocation.Path; break;
            case Microsoft.OpenApi.ParameterLocation.Query: location = ModelParameterLocation.Query; break;
            case Microsoft.OpenApi.ParameterLocation.Header: location = ModelParameterLocation.Header; break;
            case Microsoft.OpenApi.ParameterLocation.Cookie: location = ModelParameterLocation.Cookie; break;
            default:
                Report(Descriptors.UnsupportedConstruct, parameterPointer, $"The {parameter.In.Value.ToString().ToLowerInvariant()} parameter '{name}'", "it is not sent");
                return null;
        }
        bool required = parameter.Required || location == ModelParameterLocation.Path;

        TypeRef type;
        ParameterShape shape;
        var members = EquatableArray<ParameterMember>.Empty;
        var constraints = ValueConstraints.None;
        string? dropped = null;
        if (parameter.Schema is null)
        {
            var json = parameter.Content?.FirstOrDefault(c => IsJson(c.Key)) ?? default;
            if (json.Key is null)
            {
                var mediaType = parameter.Content?.Keys.FirstOrDefault();
                dropped = mediaType is null ? $"The parameter '{name}' without a schema" : $"The parameter '{name}' with content '{mediaType}'";
                type = new TypeRef(TypeKind.String);
                shape = ParameterShape.Value;
            }
            else
            {
                var contentPointer = JsonPointer.Append(JsonPointer.Append(parameterPointer, "content", json.Key), "schema");
                type = Resolve(json.Value?.Schema, contentPointer, methodName + CSharpName.Pascal(name)).Type;
                shape = ParameterShape.Json;
            }
        }
        else
        {
            var schemaPointer = JsonPointer.Append(parameterPointer, "schema");
            type = PrimitiveTypesUnion(parameter.Schema, schemaPointer, methodName + CSharpName.Pascal(name))
                ?? Resolve(parameter.Schema, schemaPointer, methodName + CSharpName.Pascal(name)).Type;
            shape = ShapeOf(type, out members);
            if (shape == ParameterShape.Value && !type.Kind.IsSimpleValue())
            {
                dropped = $"The parameter '{name}' of a nested, binary or untyped schema";
            }
            else if (shape == ParameterShape.Value)
            {
                constraints = ConstraintReader.ReadValue(parameter.Schema, schemaPointer, _diagnostics, _map, _targets);
            }
        }

        if (dropped is not null)
        {
            if (location != ModelParameterLocation.Path)
            {
                Report(Descriptors.UnsupportedConstruct, parameterPointer, dropped, "it is not sent");
                return null;
            }
            // The path cannot do without it: the caller passes the segment as ready text.
            Report(Descriptors.UnsupportedConstruct, parameterPointer, dropped, "it is taken as a string the caller formats");
            type = new TypeRef(TypeKind.String);
            shape = ParameterShape.Value;
            members = EquatableArray<ParameterMember>.Empty;
        }

        var style = StyleOf(parameter, parameterPointer, location, shape);
        bool explode = ExplodeOf(parameter, parameterPointer, location, style, shape);
        return new ParameterModel(
            name,
            names.Take(CSharpName.CamelIdentifier(name, "value"), out _),
            location,
            type,
            required,
            parameter.Description,
            style,
            explode,
            constraints)
        {
            Shape = shape,
            Members = members,
        };
    }

    /// <summary>Lists, maps, records and unions whose parts are plain values can be written; anything deeper cannot.</summary>
    private ParameterShape ShapeOf(TypeRef type, out EquatableArray<ParameterMember> members)
    {
        members = EquatableArray<ParameterMember>.Empty;
        switch (type.Kind)
        {
            case TypeKind.Array when type.Item is { } item && item.Kind.IsSimpleValue():
                return ParameterShape.List;
            case TypeKind.Dictionary when type.Item is { } value && value.Kind.IsSimpleValue():
                return ParameterShape.Map;
            case TypeKind.Model:
                var model = _types.FirstOrDefault(t => t.Name == type.Name);
                if (model is RecordModel record && record.Properties.Count > 0 && record.Properties.All(p => p.Type.Kind.IsSimpleValue()))
                {
                    members = record.Properties.Select(p => new ParameterMember(p.JsonName, p.Name, p.Type)).ToEquatableArray();
                    return ParameterShape.Object;
                }
                if (model is UnionModel union && union.Variants.All(v => v.Type.Kind.IsSimpleValue()))
                {
                    members = union.Variants.Select(v => new ParameterMember(v.Name, v.Name, v.Type)).ToEquatableArray();
                    return ParameterShape.Union;
                }
                return ParameterShape.Value;
            default:
                return ParameterShape.Value;
        }
    }

    /// <summary>
    /// An inline schema with several primitive types (<c>type: [integer, string]</c>; Microsoft.OpenApi also reads a 3.0
    /// <c>oneOf</c> of bare primitive types that way) becomes a union of those types, so an "ID or UUID" path
    /// parameter is typed and sent. <see langword="null"/> for every other schema.
    /// </summary>
    private TypeRef? PrimitiveTypesUnion(IOpenApiSchema schema, string pointer, string nameHint)
    {
        if (schema is OpenApiSchemaReference || schema.Type is not { } declared
            || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 }
            || schema.Enum is { Count: > 0 } || schema.Properties is { Count: > 0 })
        {
            return null;
        }
        var types = declared & ~JsonSchemaType.Null;
        var primitives = JsonSchemaType.Integer | JsonSchemaType.Number | JsonSchemaType.Boolean | JsonSchemaType.String;
        if ((types & ~primitives) != 0 || (types & (types - 1)) == 0)
        {
            return null; // not only primitives, or a single type
        }
        var variants = new List<UnionVariant>();
        void Add(JsonSchemaType flag, TypeKind kind, UnionToken token)
        {
            if ((types & flag) != 0) variants.Add(new UnionVariant(kind.ToString(), new TypeRef(kind), token, EquatableArray<string>.Empty));
        }
        Add(JsonSchemaType.Integer, schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64, UnionToken.Number);
        Add(JsonSchemaType.Number, TypeKind.Double, UnionToken.Number);
        Add(JsonSchemaType.Boolean, TypeKind.Boolean, UnionToken.Boolean);
        Add(JsonSchemaType.String, TypeKind.String, UnionToken.String);
        var name = TakeTypeName(CSharpName.PascalIdentifier(nameHint, "Union", "Union"), "schema", nameHint, pointer);
        _unionNames.Add(name);
        _types.Add(new UnionModel(name, pointer, schema.Description, null, variants.ToEquatableArray(), null, DiscriminatorKind.String, IsOneOf: true));
        return new TypeRef(TypeKind.Model, name);
    }

    /// <summary>The style, checked against the location and shape; one that does not apply falls back to the location's default.</summary>
    private string StyleOf(IOpenApiParameter parameter, string parameterPointer, ModelParameterLocation location, ParameterShape shape)
    {
        var fallback = location switch
        {
            ModelParameterLocation.Query or ModelParameterLocation.Cookie => "form",
            _ => "simple",
        };
        if (parameter.Style is not { } declared)
        {
            return fallback;
        }
        var text = declared.ToString();
        var style = char.ToLowerInvariant(text[0]) + text.Substring(1);
        bool fits = location switch
        {
            ModelParameterLocation.Path => style is "simple" or "label" or "matrix",
            ModelParameterLocation.Query => style is "form" or "spaceDelimited" or "pipeDelimited"
                || (style == "deepObject" && shape is ParameterShape.Object or ParameterShape.Map),
            ModelParameterLocation.Header => style == "simple",
            _ => style == "form",
        };
        if (fits)
        {
            return style;
        }
        var where = location.ToString().ToLowerInvariant();
        Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(parameterPointer, "style"),
            $"The style '{style}' on the {where} parameter '{parameter.Name}'" + (style == "deepObject" ? " (deepObject needs an object)" : ""),
            $"the default style '{fallback}' is used");
        return fallback;
    }

    private bool ExplodeOf(IOpenApiParameter parameter, string parameterPointer, ModelParameterLocation location, string style, ParameterShape shape)
    {
        // Microsoft.OpenApi reads Swagger 2.0's csv and multi both as an exploded form: only multi is.
        if (location == ModelParameterLocation.Query && style == "form" && shape == ParameterShape.List && IsSwagger2())
        {
            return CollectionFormat(parameter, parameterPointer) == "multi";
        }
        return parameter.Explode;
    }

    /// <summary>Whether the document was read as Swagger 2.0 (set by the reading step from the reader's diagnostic).</summary>
    private bool IsSwagger2() => _isSwagger2;

    /// <summary>A Swagger 2.0 parameter's <c>collectionFormat</c> as written (default <c>csv</c>), read from the text.</summary>
    private string CollectionFormat(IOpenApiParameter parameter, string parameterPointer)
    {
        // Most documents never say "multi": then every form array is csv and the text need not be tokenized.
        if (_input.Text.IndexOf("multi", StringComparison.Ordinal) < 0)
        {
            return "csv";
        }
        var owner = parameter is OpenApiParameterReference { Reference.Id: { } id }
            ? JsonPointer.Append("/parameters", id)
            : parameterPointer;
        var keyPointer = JsonPointer.Append(owner, "collectionFormat");
        if (!_map.Contains(keyPointer) || _map.Locate(keyPointer) is not { } key)
        {
            return "csv";
        }
        int index = key.Start + key.Length;
        var text = _input.Text;
        while (index < text.Length && text[index] is '"' or '\'' or ' ' or '\t' or ':')
        {
            index++;
        }
        int start = index;
        while (index < text.Length && char.IsLetter(text[index]))
        {
            index++;
        }
        return text.Substring(start, index - start);
    }
}
