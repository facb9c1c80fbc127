using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// The body half of an operation: the body parameter's type, how the request carries it (JSON, form fields,
/// multipart parts, a stream, text), the multipart parts class, and how the success answer is read (JSON, a
/// streamed <c>ApiStreamResponse</c>, text).
/// </summary>
internal static class BodyEmitter
{
    private const string Transport = "global::Codegen.Runtime.Transport.";
    private const string FieldList = "global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>";

    /// <summary>The body parameter's C# type, without the nullable mark.</summary>
    public static string ParameterType(RequestBodyModel body, ClientNames names) => body.Kind switch
    {
        BodyKind.Binary => "global::System.IO.Stream",
        BodyKind.Text => "string",
        _ => CSharpCode.TypeName(body.Type, names),
    };

    public static bool IsValueType(RequestBodyModel body) => body.Kind == BodyKind.Json && CSharpCode.IsValueType(body.Type.Kind);

    /// <summary>Records and unions validate themselves; multipart text parts are checked like parameters.</summary>
    public static bool Validates(OperationModel operation, ClientNames names)
    {
        var body = operation.Body!;
        return body.Kind == BodyKind.Multipart
            ? PartChecks(body, names).Length > 0
            : (body.Kind is BodyKind.Json or BodyKind.Form && body.Type.Kind == TypeKind.Model) || HoldsModels(body);
    }

    /// <summary>A JSON list or dictionary of records or unions: each item is validated, under its index or key.</summary>
    private static bool HoldsModels(RequestBodyModel body) =>
        body.Kind == BodyKind.Json && body.Type.Kind is TypeKind.Array or TypeKind.Dictionary && body.Type.Item is { Kind: TypeKind.Model };

    /// <summary>The statement adding the body's violations to <c>validation</c>.</summary>
    public static string ValidateStatement(OperationModel operation)
    {
        var body = operation.Body!;
        if (body.Kind == BodyKind.Multipart)
        {
            var call = ChecksName(operation) + "(body, ref validation);";
            return body.IsRequired ? call : "if (body is not null) " + call;
        }
        if (HoldsModels(body))
        {
            var each = body.Type.Kind == TypeKind.Array
                ? "for (int bodyIndex = 0; bodyIndex < body.Count; bodyIndex++) { if (body[bodyIndex] is { } bodyItem) { validation.EnterIndex(bodyIndex); bodyItem.Validate(ref validation); validation.Exit(); } }"
                : "foreach (var bodyEntry in body) { if (bodyEntry.Value is { } bodyItem) { validation.Enter(bodyEntry.Key); bodyItem.Validate(ref validation); validation.Exit(); } }";
            return body.IsRequired ? each : "if (body is not null) { " + each + " }";
        }
        return body.IsRequired ? "body.Validate(ref validation);" : "body?.Validate(ref validation);";
    }

    private static string ChecksName(OperationModel operation) => operation.MethodName + "FormPartsChecks";

    /// <summary>The checks of the simple parts (enum membership, length, pattern, range), each on a local copy.</summary>
    private static string PartChecks(RequestBodyModel body, ClientNames names)
    {
        var checks = new SourceWriter();
        int index = 0;
        foreach (var field in body.Fields)
        {
            var local = "part" + index++;
            var probe = new SourceWriter();
            var parameter = new ParameterModel(field.Name, local, ParameterLocation.Query, field.Type, field.IsRequired && !field.IsNullable,
                field.Description, "form", field.Explode, field.Constraints);
            if (field.Type.Kind.IsSimpleValue())
            {
                ParameterEmitter.EmitChecks(probe, parameter, names);
            }
            var text = probe.FinishBlock();
            if (text.Length == 0) continue;
            checks.WriteLine($"var {local} = body.{field.CSharpName};");
            checks.WriteLine(text);
        }
        return checks.FinishBlock();
    }

    /// <summary>Statements putting <c>body</c> on the request (inside a null check when it is optional).</summary>
    public static void EmitSend(SourceWriter writer, OperationModel operation, ClientNames names)
    {
        var body = operation.Body!;
        bool optional = !body.IsRequired;
        if (optional)
        {
            writer.WriteLine("if (body is not null)");
            writer.OpenBrace();
        }
        var value = optional && IsValueType(body) ? "body.Value" : "body";
        var mediaType = CSharpCode.Literal(body.ContentType);
        switch (body.Kind)
        {
            case BodyKind.Json when body.Type.Kind == TypeKind.Model:
                writer.WriteLine($"request.SetJsonBody({value});");
                break;
            case BodyKind.Json:
                // Captured after the null check; the forgiving mark keeps older compilers' lambda analysis quiet.
                var captured = optional && !IsValueType(body) ? "body!" : value;
                writer.WriteLine($"request.SetJsonBody(jsonWriter => {{ {JsonCode.Write(body.Type, names, "jsonWriter", captured)} }});");
                break;
            case BodyKind.Form:
                writer.WriteLine($"request.SetFormBody({HelperName(operation)}({value}));");
                break;
            case BodyKind.Multipart:
                writer.WriteLine($"request.SetMultipartBody({HelperName(operation)}({value}));");
                break;
            case BodyKind.Binary:
                writer.WriteLine($"request.SetStreamBody({value}, {mediaType});");
                break;
            case BodyKind.Text:
                writer.WriteLine($"request.SetTextBody({value}, {mediaType});");
                break;
        }
        if (optional)
        {
            writer.CloseBrace();
        }
    }

    private static string HelperName(OperationModel operation) =>
        operation.MethodName + (operation.Body!.Kind == BodyKind.Form ? "FormFields" : "FormParts");

    /// <summary>Static members of the client that turn a form or multipart body into fields or parts.</summary>
    public static void EmitHelpers(SourceWriter writer, OperationModel operation, ClientNames names)
    {
        var body = operation.Body;
        if (body is null || body.Kind is not (BodyKind.Form or BodyKind.Multipart)) return;
        if (body.Kind == BodyKind.Multipart && PartChecks(body, names) is { Length: > 0 } checks)
        {
            writer.WriteLine();
            writer.WriteLine($"private static void {ChecksName(operation)}({CSharpCode.TypeName(body.Type, names)} body, ref global::Codegen.Runtime.Validation.ValidationContext validation)");
            writer.OpenBrace();
            writer.WriteLine(checks);
            writer.CloseBrace();
        }
        writer.WriteLine();
        var bodyType = CSharpCode.TypeName(body.Type, names);
        if (body.Kind == BodyKind.Form)
        {
            writer.WriteLine($"private static {FieldList} {HelperName(operation)}({bodyType} body)");
            writer.OpenBrace();
            writer.WriteLine($"var fields = new {FieldList}();");
        }
        else
        {
            writer.WriteLine($"private static {Transport}MultipartBody {HelperName(operation)}({bodyType} body)");
            writer.OpenBrace();
            writer.WriteLine($"var parts = new {Transport}MultipartBody();");
        }
        int index = 0;
        foreach (var field in body.Fields)
        {
            EmitField(writer, body.Kind, field, names, index++);
        }
        writer.WriteLine(body.Kind == BodyKind.Form ? "return fields;" : "return parts;");
        writer.CloseBrace();
    }

    private static void EmitField(SourceWriter writer, BodyKind kind, BodyFieldModel field, ClientNames names, int index)
    {
        var access = "body." + field.CSharpName;
        bool nullable = !field.IsRequired || field.IsNullable;
        var value = access;
        if (nullable)
        {
            value = "value" + index;
            writer.WriteLine($"if ({access} is {{ }} {value})");
            writer.OpenBrace();
        }
        var name = CSharpCode.Literal(field.Name);
        var contentType = field.ContentType is null ? "" : ", " + CSharpCode.Literal(field.ContentType);
        var type = field.Type;
        if (kind == BodyKind.Multipart && type.Kind == TypeKind.Binary)
        {
            writer.WriteLine($"parts.AddFile({name}, {value}{contentType});");
        }
        else if (kind == BodyKind.Multipart && type.Kind == TypeKind.Array && type.Item!.Kind == TypeKind.Binary)
        {
            writer.WriteLine($"foreach (var item in {value})");
            writer.OpenBrace();
            writer.WriteLine($"parts.AddFile({name}, item{contentType});");
            writer.CloseBrace();
        }
        else if (type.Kind.IsSimpleValue() || (type.Kind == TypeKind.Array && type.Item!.Kind.IsSimpleValue()))
        {
            var add = kind == BodyKind.Form ? "fields.Add(new(" + name + ", {0}));" : "parts.AddText(" + name + ", {0}" + contentType + ");";
            if (type.Kind == TypeKind.Array)
            {
                // Null items are left out; the rest go one field per item (explode) or comma-separated.
                var items = type.ItemNullable ? "global::System.Linq.Enumerable.OfType<" + CSharpCode.TypeName(type.Item!, names) + ">(" + value + ")" : value;
                if (field.Explode)
                {
                    writer.WriteLine($"foreach (var item in {items})");
                    writer.OpenBrace();
                    writer.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, add, OperationEmitter.Wire(type.Item!, "item", names)));
                    writer.CloseBrace();
                }
                else
                {
                    var joined = "string.Join(\",\", global::System.Linq.Enumerable.Select(" + items + ", static item => " + OperationEmitter.Wire(type.Item!, "item", names) + "))";
                    writer.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, add, joined));
                }
            }
            else
            {
                writer.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, add, OperationEmitter.Wire(type, value, names)));
            }
        }
        else
        {
            // Objects, dictionaries and lists of them travel as JSON parts (the OpenAPI default for multipart).
            writer.WriteLine($"parts.AddJson({name}, jsonWriter => {{ {JsonCode.Write(type, names, "jsonWriter", value)} }}{contentType});");
        }
        if (nullable)
        {
            writer.CloseBrace();
        }
    }

    /// <summary>The class holding a multipart body's parts: files as <c>ApiFile</c>, other values typed as in JSON.</summary>
    public static void EmitTypes(SourceWriter writer, OperationModel operation, ClientNames names)
    {
        var body = operation.Body;
        if (body?.PartsTypeName is not { } partsName) return;
        writer.WriteLine();
        CSharpCode.Summary(writer, body.SchemaDescription,
            "The <c>multipart/form-data</c> body of <see cref=\"" + names.ClientName + "." + operation.MethodName + "Async\"/>: files are <see cref=\"global::Codegen.Runtime.Transport.ApiFile\"/>s.");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public sealed class {partsName}");
        writer.OpenBrace();
        bool first = true;
        foreach (var field in body.Fields)
        {
            if (!first) writer.WriteLine();
            first = false;
            CSharpCode.Summary(writer, field.Description, "The <c>" + CSharpCode.XmlEscape(field.Name) + "</c> part.");
            var type = field.Type.Kind switch
            {
                TypeKind.Binary => Transport + "ApiFile",
                TypeKind.Array when field.Type.Item!.Kind == TypeKind.Binary => "global::System.Collections.Generic.IReadOnlyList<" + Transport + "ApiFile>",
                _ => CSharpCode.TypeName(field.Type, names),
            };
            bool nullable = !field.IsRequired || field.IsNullable;
            writer.WriteLine($"public {(field.IsRequired ? "required " : "")}{type}{(nullable ? "?" : "")} {field.CSharpName} {{ get; init; }}");
        }
        writer.CloseBrace();
    }

    /// <summary>The method's return type for its success response.</summary>
    public static string ReturnType(ResponseModel? success, ClientNames names) => success switch
    {
        { Type: { } type } => "global::System.Threading.Tasks.Task<" + CSharpCode.TypeName(type, names) + ">",
        { Kind: ResponseKind.Binary } => "global::System.Threading.Tasks.Task<" + Transport + "ApiStreamResponse>",
        { Kind: ResponseKind.Text } => "global::System.Threading.Tasks.Task<string>",
        _ => "global::System.Threading.Tasks.Task",
    };

    /// <summary>The default text of the <c>returns</c> doc when the spec has none.</summary>
    public static string ReturnsDoc(ResponseModel? success) => success?.Kind switch
    {
        ResponseKind.Binary when success.Type is null => "The answer's body as a stream; dispose it to release the connection.",
        _ => "The answer.",
    };

    /// <summary>Sends the request and returns the success answer.</summary>
    public static void EmitReturn(SourceWriter writer, ResponseModel? success, ClientNames names)
    {
        if (success?.Type is { } type)
        {
            writer.WriteLine($"return _invoker.SendAsync<{CSharpCode.TypeName(type, names)}>(request, static (ref global::System.Text.Json.Utf8JsonReader reader) => {JsonCode.Read(type, names, "reader")}, cancellationToken);");
        }
        else if (success?.Kind is ResponseKind.Binary or ResponseKind.Text)
        {
            writer.WriteLine($"request.SetAccept({CSharpCode.Literal(success.ContentType)});");
            writer.WriteLine($"return _invoker.{(success.Kind == ResponseKind.Binary ? "SendForStreamAsync" : "SendForTextAsync")}(request, cancellationToken);");
        }
        else
        {
            writer.WriteLine("return _invoker.SendAsync(request, cancellationToken);");
        }
    }
}
