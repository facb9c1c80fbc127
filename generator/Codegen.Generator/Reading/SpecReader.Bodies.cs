using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>
/// Request and response bodies → <see cref="RequestBodyModel"/> and <see cref="ResponseModel"/>. When a body is offered
/// in several media types, the first by this preference wins: JSON, form-urlencoded, multipart, text, binary
/// (document order among equals). What cannot be sent is a located CG0005 warning; the operation still generates.
/// </summary>
internal sealed partial class SpecReader
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string MultipartMediaType = "multipart/form-data";

    private RequestBodyModel? ReadBody(OpenApiOperation operation, string pointer, string methodName)
    {
        var requestBody = operation.RequestBody;
        if (requestBody?.Content is not { Count: > 0 } content)
        {
            return null;
        }
        var bodyPointer = JsonPointer.Append(pointer, "requestBody");
        var candidates = content
            .Select(c => (MediaType: c.Key, c.Value, Kind: RequestKind(c.Key, c.Value?.Schema)))
            .Where(c => c.Kind is not null)
            .OrderBy(c => Rank(c.Kind!.Value, c.Value?.Schema))
            .ToList();
        if (candidates.Count == 0)
        {
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(bodyPointer, "content"), $"A request body only offered as '{string.Join("', '", content.Keys)}' (not JSON, form, multipart/form-data, text or a binary/string schema)", "the body is not sent");
            return null;
        }
        var (mediaType, media, kind) = candidates[0];
        var schemaPointer = JsonPointer.Append(JsonPointer.Append(bodyPointer, "content", mediaType), "schema");
        var schema = media?.Schema;
        var body = new RequestBodyModel(mediaType, new TypeRef(TypeKind.String), requestBody.Required, requestBody.Description) { Kind = kind!.Value };
        switch (kind.Value)
        {
            case BodyKind.Json:
                return body with { Type = Resolve(schema, schemaPointer, methodName + "Request").Type };
            case BodyKind.Form:
                return ReadFormBody(body, media!, schemaPointer, methodName);
            case BodyKind.Multipart:
                return ReadMultipartBody(body, media!, schemaPointer, methodName);
            case BodyKind.Binary:
                // "image/*" cannot be sent as is: a 3.1 contentMediaType names the concrete type.
                var concrete = mediaType.Contains("*") && Target(schema) is IOpenApiSchemaMissingProperties { ContentMediaType: { } declared } ? declared : mediaType;
                return body with { ContentType = concrete, Type = new TypeRef(TypeKind.Binary) };
            default:
                return body;
        }
    }

    /// <summary>
    /// The preference order: <see cref="BodyKind"/>'s order, doubled so that a form whose schema has file properties
    /// (which form-urlencoding cannot carry) slots in right after multipart.
    /// </summary>
    private int Rank(BodyKind kind, IOpenApiSchema? schema) =>
        kind == BodyKind.Form && (Target(schema)?.Properties?.Values.Any(p => IsBinarySchema(p) || IsBinarySchema(Target(p)?.Items)) ?? false)
            ? ((int)BodyKind.Multipart * 2) + 1
            : (int)kind * 2;

    /// <summary>The body kind for a media type and schema, or <see langword="null"/> when it cannot be sent.</summary>
    private BodyKind? RequestKind(string mediaType, IOpenApiSchema? schema)
    {
        var type = BareMediaType(mediaType);
        // "*/*" (Swagger 2.0 without "consumes") means JSON, unless the schema says the body is a file.
        if (IsJson(type) && !(type == "*/*" && IsBinarySchema(schema))) return BodyKind.Json;
        // A "form" body that is one binary string is a file sent as is.
        if (type == FormMediaType) return IsBinarySchema(schema) ? BodyKind.Binary : BodyKind.Form;
        if (type == MultipartMediaType) return BodyKind.Multipart;
        if (IsBinarySchema(schema)) return BodyKind.Binary;
        var target = Target(schema);
        bool stringLike = target is null || ((target.Type ?? 0) & ~JsonSchemaType.Null) is 0 or JsonSchemaType.String;
        if (!stringLike || type.StartsWith("multipart/", StringComparison.Ordinal)) return null;
        return type.StartsWith("text/", StringComparison.Ordinal) ? BodyKind.Text : BodyKind.Binary;
    }

    private RequestBodyModel? ReadFormBody(RequestBodyModel body, IOpenApiMediaType media, string schemaPointer, string methodName)
    {
        var type = Resolve(media.Schema, schemaPointer, methodName + "Request").Type;
        var record = type.Kind == TypeKind.Model ? _types.OfType<RecordModel>().FirstOrDefault(t => t.Name == type.Name) : null;
        if (record is null)
        {
            Report(Descriptors.UnsupportedConstruct, schemaPointer, "A form body that is not an object schema with properties", "the body is not sent");
            return null;
        }
        var fields = new List<BodyFieldModel>();
        foreach (var property in record.Properties)
        {
            var kind = property.Type.Kind;
            bool simpleItems = kind == TypeKind.Array && property.Type.Item is { } item && item.Kind.IsSimpleValue();
            if (!kind.IsSimpleValue() && !simpleItems)
            {
                Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(record.SchemaPointer, "properties", property.JsonName),
                    $"The form field '{property.JsonName}' of an object or nested type", "it is not sent");
                continue;
            }
            var encoding = EncodingOf(media, property.JsonName);
            // Form fields follow query rules: style form, explode true unless the encoding says otherwise.
            bool explode = encoding?.Explode ?? (encoding?.Style is null or ParameterStyle.Form);
            fields.Add(new BodyFieldModel(property.JsonName, property.Name, property.Type, property.IsRequired, property.IsNullable, explode, null, property.Description));
        }
        return body with { Type = type, Fields = fields.ToEquatableArray() };
    }

    private RequestBodyModel? ReadMultipartBody(RequestBodyModel body, IOpenApiMediaType media, string schemaPointer, string methodName)
    {
        var schema = Target(media.Schema);
        var objectPointer = media.Schema is OpenApiSchemaReference reference && reference.Reference?.Id is { } id
            ? JsonPointer.Append("/components/schemas", id)
            : schemaPointer;
        var properties = new List<(string Name, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        void AddFrom(IOpenApiSchema? source, string sourcePointer)
        {
            if (source is null) return;
            foreach (var r in source.Required ?? (ISet<string>)new HashSet<string>()) required.Add(r);
            foreach (var entry in source.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (properties.Any(p => p.Name == entry.Key)) continue;
                properties.Add((entry.Key, entry.Value, JsonPointer.Append(sourcePointer, "properties", entry.Key)));
            }
        }
        for (int i = 0; i < (schema?.AllOf?.Count ?? 0); i++)
        {
            var part = schema!.AllOf![i];
            var partPointer = part is OpenApiSchemaReference partReference && partReference.Reference?.Id is { } partId
                ? JsonPointer.Append("/components/schemas", partId)
                : JsonPointer.Append(objectPointer, "allOf", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddFrom(Target(part), partPointer);
        }
        AddFrom(schema, objectPointer);
        if (properties.Count == 0)
        {
            Report(Descriptors.UnsupportedConstruct, schemaPointer, "A multipart body that is not an object schema with properties", "the body is not sent");
            return null;
        }

        var partsName = TakeTypeName(methodName + "Form", "multipart body", methodName, schemaPointer);
        var members = new NameScope();
        members.Reserve(partsName);
        foreach (var reserved in ReservedMemberNames) members.Reserve(reserved);
        var fields = new List<BodyFieldModel>();
        foreach (var (name, propertySchema, propertyPointer) in properties)
        {
            TypeRef type;
            bool nullable = false;
            var target = Target(propertySchema);
            if (IsBinarySchema(propertySchema))
            {
                type = new TypeRef(TypeKind.Binary);
            }
            else if (target?.Items is { } items && IsBinarySchema(items))
            {
                type = new TypeRef(TypeKind.Array, Item: new TypeRef(TypeKind.Binary));
            }
            else
            {
                var resolved = Resolve(propertySchema, propertyPointer, partsName + CSharpName.Pascal(name));
                type = resolved.Type;
                nullable = resolved.Nullable;
            }
            var constraints = !type.Kind.IsSimpleValue()
                ? ValueConstraints.None
                : ConstraintReader.ReadValue(propertySchema, propertyPointer, _diagnostics, _map, _targets);
            var wanted = CSharpName.PascalIdentifier(name, "Property", "Property");
            if (wanted == partsName) wanted += "Value";
            var csharpName = members.Take(wanted, out _);
            var encoding = EncodingOf(media, name);
            bool explode = encoding?.Explode ?? (encoding?.Style is null or ParameterStyle.Form);
            fields.Add(new BodyFieldModel(name, csharpName, type, required.Contains(name), nullable, explode, encoding?.ContentType, propertySchema.Description ?? target?.Description)
            {
                Constraints = constraints,
            });
        }
        return body with
        {
            Type = new TypeRef(TypeKind.Model, partsName),
            Fields = fields.ToEquatableArray(),
            PartsTypeName = partsName,
            SchemaDescription = schema?.Description,
        };
    }

    private static OpenApiEncoding? EncodingOf(IOpenApiMediaType media, string property) =>
        media.Encoding is { } encodings && encodings.TryGetValue(property, out var encoding) ? encoding : null;

    private IOpenApiSchema? Target(IOpenApiSchema? schema) =>
        schema is OpenApiSchemaReference reference ? SafeTarget(reference) : schema;

    /// <summary><c>format: binary</c>, a 3.1 <c>contentMediaType</c> (without base64 <c>contentEncoding</c>), or 2.0 <c>type: file</c>.</summary>
    private bool IsBinarySchema(IOpenApiSchema? schema)
    {
        var target = Target(schema);
        if (target is null) return false;
        if (target.Format == "binary" || schema!.Format == "binary") return true;
        return target is IOpenApiSchemaMissingProperties { ContentMediaType: not null } content
            && !string.Equals(content.ContentEncoding, "base64", StringComparison.OrdinalIgnoreCase);
    }

    private static string BareMediaType(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        // Swagger 2.0 documents without "produces" convert to "*/*"; JSON is what such APIs send.
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type == "*/*"
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    private List<ResponseModel> ReadResponses(OpenApiOperation operation, string pointer, string methodName)
    {
        var result = new List<ResponseModel>();
        var responses = operation.Responses ?? new OpenApiResponses();
        // With no 2xx response declared, `default` describes the success answer too.
        bool defaultIsSuccess = !responses.Keys.Any(k => k.StartsWith("2", StringComparison.Ordinal));
        foreach (var entry in responses)
        {
            var responsePointer = JsonPointer.Append(pointer, "responses", entry.Key);
            var content = entry.Value?.Content;
            bool success = entry.Key.StartsWith("2", StringComparison.Ordinal) || (defaultIsSuccess && entry.Key == "default");
            var response = new ResponseModel(entry.Key, content?.Keys.FirstOrDefault(), null, entry.Value?.Description);
            IOpenApiSchema? read = null;
            var json = content?.FirstOrDefault(c => IsJson(c.Key) && !(c.Key == "*/*" && IsBinarySchema(c.Value?.Schema))) ?? default;
            if (json.Key is not null)
            {
                // Only success bodies get named types for the method's result; error bodies come back through the
                // runtime's ApiException, and their named schemas are generated below so callers can read them.
                if (success || json.Value?.Schema is OpenApiSchemaReference)
                {
                    var schemaPointer = JsonPointer.Append(JsonPointer.Append(responsePointer, "content", json.Key), "schema");
                    response = response with { ContentType = json.Key, Type = Resolve(json.Value?.Schema, schemaPointer, methodName + "Response").Type, Kind = ResponseKind.Json };
                    read = json.Value?.Schema;
                }
                else
                {
                    response = response with { ContentType = json.Key };
                }
            }
            else if (success && content is { Count: > 0 })
            {
                var binary = content.FirstOrDefault(c => ResponseKindOf(c.Key, c.Value?.Schema) == ResponseKind.Binary);
                var text = content.FirstOrDefault(c => ResponseKindOf(c.Key, c.Value?.Schema) == ResponseKind.Text);
                if (binary.Key is not null)
                {
                    response = response with { ContentType = binary.Key, Kind = ResponseKind.Binary };
                }
                else if (text.Key is not null)
                {
                    response = response with { ContentType = text.Key, Kind = ResponseKind.Text };
                }
            }
            // Every named schema any response mentions gets its type, whatever the media type.
            foreach (var media in content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                // The same schema offered as JSON and XML (Swagger 2.0 "produces") was read above.
                if (read is not null && ReferenceEquals(media.Value?.Schema, read)) continue;
                GenerateReferencedSchemas(media.Value?.Schema, JsonPointer.Append(JsonPointer.Append(responsePointer, "content", media.Key), "schema"), 0);
            }
            result.Add(response);
        }
        ReportOtherSuccessBodies(result, pointer);
        return result;
    }

    /// <summary>
    /// The method returns one result: the lowest 2xx (else <c>default</c>). Another 2xx answer with a different body
    /// is read as that result, so it gets a warning at its place.
    /// </summary>
    private void ReportOtherSuccessBodies(List<ResponseModel> responses, string pointer)
    {
        var successes = responses.Where(r => r.StatusCode.StartsWith("2", StringComparison.Ordinal)).OrderBy(r => r.StatusCode, StringComparer.Ordinal).ToList();
        if (successes.Count < 2) return;
        var chosen = successes[0];
        foreach (var other in successes.Skip(1))
        {
            if (other.Kind == ResponseKind.None || (other.Kind == chosen.Kind && Equals(other.Type, chosen.Type))) continue;
            Report(Descriptors.UnsupportedConstruct, JsonPointer.Append(pointer, "responses", other.StatusCode),
                $"A second success response ({other.StatusCode}) whose body differs from the {chosen.StatusCode} response's",
                chosen.Kind == ResponseKind.None
                    ? "the method returns no result and its body is not read"
                    : $"the method returns the {chosen.StatusCode} body, and a {other.StatusCode} answer is read as one");
        }
    }

    /// <summary>How a success body of this media type is read; <see cref="ResponseKind.None"/> when it is not.</summary>
    private ResponseKind ResponseKindOf(string mediaType, IOpenApiSchema? schema)
    {
        var type = BareMediaType(mediaType);
        if (IsBinarySchema(schema)) return ResponseKind.Binary;
        if (IsJson(type)) return ResponseKind.Json;
        var target = Target(schema);
        var jsonType = (target?.Type ?? 0) & ~JsonSchemaType.Null;
        if (jsonType is JsonSchemaType.Object or JsonSchemaType.Array) return ResponseKind.None;
        // Text of any scalar schema (a number in text/plain) is returned as the string it is.
        if (type.StartsWith("text/", StringComparison.Ordinal)) return ResponseKind.Text;
        if (jsonType is not (0 or JsonSchemaType.String)) return ResponseKind.None;
        return type.StartsWith("multipart/", StringComparison.Ordinal) || type == FormMediaType ? ResponseKind.None : ResponseKind.Binary;
    }

    /// <summary>
    /// Resolves every <c>$ref</c> inside a response schema (not the inline parts themselves), so named error bodies get
    /// types. <c>allOf</c> members are not followed: the generator merges them into the composing record.
    /// </summary>
    private void GenerateReferencedSchemas(IOpenApiSchema? schema, string pointer, int depth)
    {
        if (schema is null || depth > 32) return;
        if (schema is OpenApiSchemaReference)
        {
            Resolve(schema, pointer, "Schema");
            return;
        }
        GenerateReferencedSchemas(schema.Items, JsonPointer.Append(pointer, "items"), depth + 1);
        GenerateReferencedSchemas(schema.AdditionalProperties, JsonPointer.Append(pointer, "additionalProperties"), depth + 1);
        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            GenerateReferencedSchemas(property.Value, JsonPointer.Append(pointer, "properties", property.Key), depth + 1);
        }
        void Each(IList<IOpenApiSchema>? list, string key)
        {
            for (int i = 0; i < (list?.Count ?? 0); i++)
            {
                GenerateReferencedSchemas(list![i], JsonPointer.Append(pointer, key, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1);
            }
        }
        Each(schema.AnyOf, "anyOf");
        Each(schema.OneOf, "oneOf");
    }
}
