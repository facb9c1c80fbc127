using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading;

/// <summary>
/// <c>x-codegen-refresh-with</c>: which operation returns a fresh value of an expiring property. Noted while the
/// schemas are read and checked once every operation and record is known; anything that does not fit is a located
/// CG0015 and no refresh method.
/// </summary>
internal sealed partial class SpecReader
{
    private const string RefreshWithKey = "x-codegen-refresh-with";

    private readonly List<PendingRefresh> _pendingRefreshes = new();

    /// <summary>An extension seen on a property, waiting for the operations and records it names.</summary>
    private sealed record PendingRefresh(string RecordName, string PropertyName, string JsonName, TypeRef Type, long? LifetimeTicks, JsonNode Node, string Pointer);

    private void NoteRefreshable(string recordName, string propertyName, string jsonName, TypeRef type, long? lifetimeTicks, JsonNode node, string pointer) =>
        _pendingRefreshes.Add(new PendingRefresh(recordName, propertyName, jsonName, type, lifetimeTicks, node, pointer));

    private List<RefreshableValueModel> ResolveRefreshables(IReadOnlyList<OperationModel> operations)
    {
        var result = new List<RefreshableValueModel>();
        var seen = new HashSet<(string, string)>();
        foreach (var pending in _pendingRefreshes)
        {
            if (seen.Add((pending.RecordName, pending.PropertyName)) && Resolve(pending, operations) is { } model)
            {
                result.Add(model);
            }
        }
        return result;
    }

    private RefreshableValueModel? Resolve(PendingRefresh pending, IReadOnlyList<OperationModel> operations)
    {
        if (pending.LifetimeTicks is not { } lifetime)
        {
            return Ignore(pending.Pointer, "it needs a valid x-codegen-expires-after on the same property");
        }
        if (pending.Type.Kind != TypeKind.String)
        {
            return Ignore(pending.Pointer, "only string properties (URLs) can be refreshed");
        }
        if (pending.Node is not JsonObject settings || Text(settings["operation"]) is not { } operationId)
        {
            return Ignore(pending.Pointer, "it must be an object with an 'operation' (an operationId) and 'parameters'");
        }
        var operationPointer = JsonPointer.Append(pending.Pointer, "operation");
        var operation = operations.FirstOrDefault(o => o.OperationId == operationId);
        if (operation is null)
        {
            return Ignore(operationPointer, "no operation has the operationId '" + operationId + "'");
        }
        bool returnsRecord = Emitting.OperationEmitter.SuccessResponse(operation)?.Type is { Kind: TypeKind.Model } type && type.Name == pending.RecordName;
        if (!returnsRecord)
        {
            return Ignore(operationPointer, "operation '" + operationId + "' does not return " + pending.RecordName);
        }
        var record = _types.OfType<RecordModel>().FirstOrDefault(t => t.Name == pending.RecordName);
        if (record is null)
        {
            return Ignore(pending.Pointer, "the property's record was not generated");
        }

        var parametersPointer = JsonPointer.Append(pending.Pointer, "parameters");
        var map = settings["parameters"] as JsonObject;
        if (settings["parameters"] is not null && map is null)
        {
            return Ignore(parametersPointer, "'parameters' must map parameter names to property JSON names");
        }
        var mapped = new Dictionary<string, (string Property, string Pointer)>(System.StringComparer.Ordinal);
        foreach (var entry in map ?? new JsonObject())
        {
            var entryPointer = JsonPointer.Append(parametersPointer, entry.Key);
            if (Text(entry.Value) is not { } propertyJsonName)
            {
                return Ignore(entryPointer, "the value must be a property's JSON name");
            }
            if (!operation.Parameters.Any(p => p.Name == entry.Key))
            {
                return Ignore(entryPointer, "operation '" + operationId + "' has no parameter '" + entry.Key + "'");
            }
            mapped[entry.Key] = (propertyJsonName, entryPointer);
        }

        var arguments = new List<RefreshArgument>();
        foreach (var parameter in operation.Parameters)
        {
            if (!mapped.TryGetValue(parameter.Name, out var source))
            {
                if (parameter.IsRequired)
                {
                    return Ignore(parametersPointer, "required parameter '" + parameter.Name + "' of '" + operationId + "' is not mapped to a property");
                }
                continue;
            }
            var property = record.Properties.FirstOrDefault(p => p.JsonName == source.Property);
            if (property is null)
            {
                return Ignore(source.Pointer, pending.RecordName + " has no property '" + source.Property + "'");
            }
            if (property.Type != parameter.Type)
            {
                return Ignore(source.Pointer, "property '" + source.Property + "' and parameter '" + parameter.Name + "' have different types");
            }
            arguments.Add(new RefreshArgument(parameter.CSharpName, property.Name, Emitting.RecordEmitter.IsNullableInCSharp(property)));
        }
        if (operation.Body is { IsRequired: true })
        {
            return Ignore(operationPointer, "operation '" + operationId + "' needs a request body");
        }
        return new RefreshableValueModel(pending.RecordName, pending.PropertyName, pending.JsonName, lifetime, operation.MethodName, arguments.ToEquatableArray());
    }

    private RefreshableValueModel? Ignore(string pointer, string reason)
    {
        Report(Descriptors.ExtensionIgnored, pointer, RefreshWithKey, reason);
        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text ? text : null;
}
