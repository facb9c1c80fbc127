using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// Emits one operation as a partial of the client: its static <c>ApiOperation</c> and its async method, which
/// validates everything first (one <c>RequestValidationException</c> with every violation), then builds the
/// <c>ApiRequest</c> (escaped path, query, headers, quota partition values, body: see <see cref="BodyEmitter"/>) and calls the invoker.
/// </summary>
internal static class OperationEmitter
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    public static string Emit(OperationUnit unit)
    {
        var names = unit.Names;
        var operation = unit.Operation;
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        writer.WriteLine("public sealed partial class " + names.ClientName);
        writer.OpenBrace();

        writer.WriteLine("/// <summary>The <c>" + CSharpCode.XmlEscape(operation.OperationId) + "</c> operation (" + operation.HttpMethod + " " + CSharpCode.XmlEscape(operation.Path) + ") and the quota policies each call consumes.</summary>");
        writer.WriteLine("public static global::Codegen.Runtime.Transport.ApiOperation " + operation.MethodName + "Operation { get; } = new(");
        writer.WriteLine("    " + CSharpCode.Literal(operation.OperationId) + ",");
        writer.WriteLine("    " + HttpMethod(operation.HttpMethod) + ",");
        writer.WriteLine("    " + CSharpCode.Literal(operation.Path) + ",");
        writer.WriteLine("    new string[] { " + string.Join(", ", operation.QuotaPolicies.Select(CSharpCode.Literal)) + " });");
        writer.WriteLine();

        var success = SuccessResponse(operation);
        var returnType = BodyEmitter.ReturnType(success, names);

        var pathParameters = operation.Parameters.Where(p => p.In == ParameterLocation.Path).ToList();
        var requiredOthers = operation.Parameters.Where(p => p.In != ParameterLocation.Path && p.IsRequired).ToList();
        var optional = operation.Parameters.Where(p => p.In != ParameterLocation.Path && !p.IsRequired).ToList();
        var body = operation.Body;
        bool bodyRequired = body is { IsRequired: true };

        // Docs.
        CSharpCode.Summary(writer, operation.Summary ?? operation.Description, CSharpCode.XmlEscape(operation.HttpMethod + " " + operation.Path));
        writer.WriteLine("/// <remarks>");
        if (operation.Summary is not null && !string.IsNullOrWhiteSpace(operation.Description))
        {
            foreach (var line in operation.Description!.Trim().Replace("\r\n", "\n").Split('\n'))
            {
                writer.WriteLine("/// " + CSharpCode.XmlEscape(line.TrimEnd()));
            }
            writer.WriteLine("/// <para>");
        }
        writer.WriteLine("/// Validation runs first and throws one <c>RequestValidationException</c> listing every violation; then nothing is");
        writer.WriteLine("/// sent and no quota permit is taken. Error answers surface as the runtime's typed <c>ApiException</c>.");
        if (operation.Summary is not null && !string.IsNullOrWhiteSpace(operation.Description))
        {
            writer.WriteLine("/// </para>");
        }
        writer.WriteLine("/// </remarks>");
        var ordered = new List<string>();
        foreach (var p in pathParameters) ordered.Add(ParamDoc(p.CSharpName, p.Description, p.Name));
        if (bodyRequired) ordered.Add(ParamDoc("body", body!.Description, "request body"));
        foreach (var p in requiredOthers) ordered.Add(ParamDoc(p.CSharpName, p.Description, p.Name));
        foreach (var p in optional) ordered.Add(ParamDoc(p.CSharpName, p.Description, p.Name));
        if (body is not null && !bodyRequired) ordered.Add(ParamDoc("body", body.Description, "request body"));
        foreach (var doc in ordered) writer.WriteLine(doc);
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call; a cancelled call is never retried.</param>");
        writer.WriteLine("/// <returns>" + CSharpCode.XmlEscape(OneLine(success?.Description) ?? BodyEmitter.ReturnsDoc(success)) + "</returns>");

        // Signature.
        var parameters = new List<string>();
        foreach (var p in pathParameters) parameters.Add(TypeOf(p, names) + " " + p.CSharpName);
        if (bodyRequired) parameters.Add(BodyEmitter.ParameterType(body!, names) + " body");
        foreach (var p in requiredOthers) parameters.Add(TypeOf(p, names) + " " + p.CSharpName);
        foreach (var p in optional) parameters.Add(TypeOf(p, names) + " " + p.CSharpName + " = null");
        if (body is not null && !bodyRequired) parameters.Add(BodyEmitter.ParameterType(body, names) + "? body = null");
        parameters.Add("global::System.Threading.CancellationToken cancellationToken = default");
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"The API description marks this operation as deprecated.\")]");
        }
        writer.WriteLine("public " + returnType + " " + operation.MethodName + "Async(" + string.Join(", ", parameters) + ")");
        writer.OpenBrace();

        // Null checks for required references (programming errors, not validation failures).
        foreach (var p in operation.Parameters.Where(p => p.IsRequired && !CSharpCode.IsValueType(p.Type.Kind)))
        {
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(" + p.CSharpName + ");");
        }
        if (bodyRequired && !BodyEmitter.IsValueType(body!)) writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(body);");

        // Validation: the body's rules and the parameters' constraints, all collected before throwing.
        var checks = new SourceWriter();
        foreach (var p in operation.Parameters)
        {
            ParameterEmitter.EmitChecks(checks, p, names);
        }
        var parameterChecks = checks.FinishBlock();
        bool validatesBody = body is not null && BodyEmitter.Validates(operation, names);
        if (validatesBody || parameterChecks.Length > 0)
        {
            writer.WriteLine("var validation = new global::Codegen.Runtime.Validation.ValidationContext();");
            if (validatesBody)
            {
                writer.WriteLine(BodyEmitter.ValidateStatement(operation));
            }
            if (parameterChecks.Length > 0)
            {
                writer.WriteLine(parameterChecks);
            }
            writer.WriteLine("validation.ToResult().ThrowIfInvalid();");
            writer.WriteLine();
        }

        // Request.
        writer.WriteLine("var request = new global::Codegen.Runtime.Transport.ApiRequest(" + operation.MethodName + "Operation, " + ParameterEmitter.PathExpression(operation, names) + ");");
        foreach (var p in operation.Parameters.Where(p => p.In != ParameterLocation.Path))
        {
            ParameterEmitter.EmitSend(writer, p, names);
        }
        foreach (var partition in operation.PartitionParameters)
        {
            var p = operation.Parameters.FirstOrDefault(x => x.Name == partition);
            if (p is null) continue;
            if (p.IsRequired)
            {
                writer.WriteLine("request.SetPartitionValue(" + CSharpCode.Literal(p.Name) + ", " + Wire(p.Type, p.CSharpName, names) + ");");
            }
            else
            {
                var partitionValue = p.CSharpName.TrimStart('@') + "Partition";
                writer.WriteLine("if (" + p.CSharpName + " is { } " + partitionValue + ")");
                writer.OpenBrace();
                writer.WriteLine("request.SetPartitionValue(" + CSharpCode.Literal(p.Name) + ", " + Wire(p.Type, partitionValue, names) + ");");
                writer.CloseBrace();
            }
        }
        if (body is not null)
        {
            BodyEmitter.EmitSend(writer, operation, names);
        }
        BodyEmitter.EmitReturn(writer, success, names);
        writer.CloseBrace();
        BodyEmitter.EmitHelpers(writer, operation, names);
        writer.CloseBrace();
        BodyEmitter.EmitTypes(writer, operation, names);
        writer.CloseBrace();
        return writer.Finish();
    }

    /// <summary>The response the method returns: the lowest 2xx (or <c>2XX</c>), else <c>default</c>; others are errors.</summary>
    internal static ResponseModel? SuccessResponse(OperationModel operation) =>
        operation.Responses
            .Where(r => r.StatusCode.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(r => r.StatusCode, StringComparer.Ordinal)
            .FirstOrDefault()
        // No 2xx declared: the `default` response describes the success answer as well.
        ?? operation.Responses.FirstOrDefault(r => r.StatusCode == "default");

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "PATCH" => "global::System.Net.Http.HttpMethod.Patch",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => "new global::System.Net.Http.HttpMethod(" + CSharpCode.Literal(method) + ")",
    };

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(" ", text!.Trim().Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()));

    private static string ParamDoc(string csharpName, string? description, string fallback) =>
        "/// <param name=\"" + csharpName.TrimStart('@') + "\">" + CSharpCode.XmlEscape(OneLine(description) ?? "The " + fallback + ".") + "</param>";

    private static string TypeOf(ParameterModel p, ClientNames names) =>
        CSharpCode.TypeName(p.Type, names) + (p.IsRequired ? "" : "?");

    /// <summary>The text form of a simple value in a path, query or header.</summary>
    internal static string Wire(TypeRef type, string value, ClientNames names) => type.Kind switch
    {
        TypeKind.String or TypeKind.Binary => value,
        TypeKind.Time => names.Qualify(names.JsonHelpersName) + ".FormatTime(" + value + ")",
        TypeKind.Duration => names.Qualify(names.JsonHelpersName) + ".FormatDuration(" + value + ")",
        TypeKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal => value + ".ToString(" + Invariant + ")",
        TypeKind.DateTime => value + ".ToString(\"O\", " + Invariant + ")",
        TypeKind.Date => value + ".ToString(\"yyyy-MM-dd\", " + Invariant + ")",
        TypeKind.Uuid => value + ".ToString(\"D\")",
        TypeKind.Uri => value + ".OriginalString",
        TypeKind.Base64 => "global::System.Convert.ToBase64String(" + value + ")",
        TypeKind.Enum => names.Qualify(type.Name! + "Json") + ".ToWire(" + value + ")",
        TypeKind.Array => "string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", static item => " + Wire(type.Item!, "item", names) + "))",
        _ => value + ".ToString()!",
    };
}
