using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.OpenApi;
using ModelParameterLocation = Codegen.Generator.Model.ParameterLocation;

namespace Codegen.Generator.Reading;

/// <summary>Paths and operations → <see cref="OperationModel"/>s, in document order.</summary>
internal sealed partial class SpecReader
{
    private static readonly string[] MethodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE" };

    /// <summary>Local names the generated method body uses; parameters with these names get a suffix.</summary>
    private static readonly string[] MethodLocals =
    {
        "cancellationToken", "body", "request", "validation", "path", "reader", "item",
        "bodyIndex", "bodyItem", "bodyEntry", "r1", "r2", "r3", "w1", "w2", "w3", "v1", "v2", "v3", "item1", "item2", "item3",
    };

    private List<OperationModel> ReadOperations(QuotaReader quotas, CancellationToken cancellationToken)
    {
        var operations = new List<OperationModel>();
        var methodNames = new NameScope();
        methodNames.Reserve(_names.ClientName);
        var operationIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var pathEntry in _document.Paths ?? new OpenApiPaths())
        {
            var path = pathEntry.Key;
            var pathItem = pathEntry.Value;
            var pathPointer = JsonPointer.Append("/paths", path);
            if (pathItem?.Operations is null) continue;
            var ordered = pathItem.Operations
                .OrderBy(o => Array.IndexOf(MethodOrder, o.Key.Method.ToUpperInvariant()) is var i && i < 0 ? int.MaxValue : i)
                .ThenBy(o => o.Key.Method, StringComparer.Ordinal);
            foreach (var entry in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = JsonPointer.Append(pathPointer, method.ToLowerInvariant());
                var operation = ReadOperation(path, method, pathItem, entry.Value, pointer, methodNames, operationIds, quotas);
                if (operation is not null) operations.Add(operation);
            }
        }
        return operations;
    }

    private OperationModel? ReadOperation(
        string path, string method, IOpenApiPathItem pathItem, OpenApiOperation operation, string pointer,
        NameScope methodNames, HashSet<string> operationIds, QuotaReader quotas)
    {
        var operationId = operation.OperationId;
        string wantedName;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            operationId = DerivedOperationId(method, path);
            wantedName = CSharpName.PascalIdentifier(operationId, "Call", "Call");
            Report(Descriptors.MissingOperationId, pointer, method, path, wantedName);
        }
        else
        {
            wantedName = CSharpName.PascalIdentifier(operationId!, "Call", "Call");
        }
        var methodName = methodNames.Take(wantedName, out bool collided);
        if (!operationIds.Add(operationId!))
        {
            Report(Descriptors.DuplicateOperationId, JsonPointer.Append(pointer, "operationId"), operationId!, methodName + "Async");
        }
        else if (collided)
        {
            Report(Descriptors.NameCollision, JsonPointer.Append(pointer, "operationId"), "operation", operationId!, wantedName, methodName);
        }

        var body = ReadBody(operation, pointer, methodName);

        var parameterNames = new NameScope();
        foreach (var local in MethodLocals) parameterNames.Reserve(local);
        var parameters = ReadParameters(pathItem, operation, pointer, methodName, parameterNames);
        // A placeholder the spec forgot to declare still needs a value: add it as a required string (CG0016).
        int insertAt = 0;
        foreach (var placeholder in Placeholders(path))
        {
            if (!parameters.Any(p => p.In == ModelParameterLocation.Path && p.Name == placeholder))
            {
                Report(Descriptors.UndeclaredPathParameter, pointer, path, placeholder);
                parameters.Insert(insertAt, new ParameterModel(
                    placeholder,
                    parameterNames.Take(CSharpName.CamelIdentifier(placeholder, "value"), out _),
                    ModelParameterLocation.Path,
                    new TypeRef(TypeKind.String),
                    IsRequired: true,
                    "Not declared by the API description; the path needs it.",
                    "simple",
                    Explode: false,
                    ValueConstraints.None));
            }
            insertAt++;
        }
        var responses = ReadResponses(operation, pointer, methodName);
        var policies = quotas.ReadOperation(operation.Extensions, pointer, parameters, out var partitionParameters);

        return new OperationModel(
            operationId!,
            methodName,
            method,
            path,
            operation.Summary,
            operation.Description,
            parameters.ToEquatableArray(),
            body,
            responses.ToEquatableArray(),
            policies.ToEquatableArray(),
            operation.Deprecated,
            null)
        {
            PartitionParameters = partitionParameters.ToEquatableArray(),
        };
    }

    private static IEnumerable<string> Placeholders(string path)
    {
        int open = path.IndexOf('{');
        while (open >= 0)
        {
            int close = path.IndexOf('}', open);
            if (close < 0) yield break;
            yield return path.Substring(open + 1, close - open - 1);
            open = path.IndexOf('{', close);
        }
    }

    /// <summary><c>GET /users/{userId}/meetings</c> → <c>getUsersUserIdMeetings</c>.</summary>
    private static string DerivedOperationId(string method, string path) =>
        method.ToLowerInvariant() + CSharpName.Pascal(path.Replace("{", " ").Replace("}", " "));

}
