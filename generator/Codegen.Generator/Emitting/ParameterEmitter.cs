using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// The parameter parts of an operation's method: their checks, the escaped path and the statements that put query,
/// header and cookie values on the request. Each value becomes text here (<see cref="OperationEmitter.Wire"/>);
/// the runtime's <c>ParameterStyles</c> lays lists and objects out by style, so the code per parameter stays one line.
/// </summary>
internal static class ParameterEmitter
{
    private const string Styles = "global::Codegen.Runtime.Transport.ParameterStyles";
    private const string StyleEnum = "global::Codegen.Runtime.Transport.ParameterStyle";
    private const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string?>";

    /// <summary>The path with every placeholder replaced by its parameter's escaped text, as one C# expression.</summary>
    public static string PathExpression(OperationModel operation, ClientNames names)
    {
        var parts = new List<string>();
        var path = operation.Path;
        int index = 0;
        while (index < path.Length)
        {
            int open = path.IndexOf('{', index);
            int close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                parts.Add(CSharpCode.Literal(path.Substring(index)));
                break;
            }
            if (open > index) parts.Add(CSharpCode.Literal(path.Substring(index, open - index)));
            var name = path.Substring(open + 1, close - open - 1);
            var parameter = operation.Parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
            parts.Add(parameter is null
                ? CSharpCode.Literal(path.Substring(open, close - open + 1))
                : PathSegment(parameter, names));
            index = close + 1;
        }
        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    /// <summary>The statements that add one query, header or cookie parameter (skipped when an optional one is null).</summary>
    public static void EmitSend(SourceWriter writer, ParameterModel p, ClientNames names)
    {
        var value = p.IsRequired ? p.CSharpName : p.CSharpName.TrimStart('@') + "Value";
        if (!p.IsRequired)
        {
            writer.WriteLine($"if ({p.CSharpName} is {{ }} {value})");
            writer.OpenBrace();
        }
        writer.WriteLine(SendStatement(p, value, names));
        if (!p.IsRequired)
        {
            writer.CloseBrace();
        }
    }

    private static string PathSegment(ParameterModel p, ClientNames names)
    {
        var name = CSharpCode.Literal(p.Name);
        var value = p.CSharpName;
        switch (p.Shape)
        {
            case ParameterShape.List:
                return Styles + ".Path(" + name + ", " + Items(p, value, names) + ", " + Style(p) + ", " + Bool(p.Explode) + ")";
            case ParameterShape.Object:
            case ParameterShape.Map:
                return Styles + ".Path(" + name + ", " + Members(p, value, names) + ", " + Style(p) + ", " + Bool(p.Explode) + ")";
            default:
                var text = Text(p, value, names, "\"\"");
                return p.Style == "simple"
                    ? "global::System.Uri.EscapeDataString(" + text + ")"
                    : Styles + ".Path(" + name + ", " + text + ", " + Style(p) + ")";
        }
    }

    private static string SendStatement(ParameterModel p, string value, ClientNames names)
    {
        var name = CSharpCode.Literal(p.Name);
        if (p.Shape is ParameterShape.List or ParameterShape.Object or ParameterShape.Map)
        {
            bool list = p.Shape == ParameterShape.List;
            var parts = list ? Items(p, value, names) : Members(p, value, names);
            return p.In switch
            {
                ParameterLocation.Header => "request.AddHeader(" + name + ", " + Styles + ".Header(" + parts + (list ? "" : ", " + Bool(p.Explode)) + "));",
                ParameterLocation.Cookie => Styles + ".AddCookie(request, " + name + ", " + parts + ", " + Bool(p.Explode) + ");",
                _ => Styles + ".AddQuery(request, " + name + ", " + parts + ", " + Style(p) + ", " + Bool(p.Explode) + ");",
            };
        }
        var add = p.In switch
        {
            ParameterLocation.Header => "AddHeader",
            ParameterLocation.Cookie => "AddCookie",
            _ => "AddQuery",
        };
        return "request." + add + "(" + name + ", " + Text(p, value, names, "null") + ");";
    }

    /// <summary>The text of a single value: a primitive's wire form, a union's set variant, or JSON for content parameters.</summary>
    private static string Text(ParameterModel p, string value, ClientNames names, string none)
    {
        switch (p.Shape)
        {
            case ParameterShape.Union:
                // Validation has already checked that exactly one variant is set.
                var prefix = p.CSharpName.TrimStart('@') + "Variant";
                var chain = p.Members.Select((m, i) =>
                    value + "." + m.CSharpName + " is { } " + prefix + i + " ? " + OperationEmitter.Wire(m.Type, prefix + i, names) + " : ");
                return "(" + string.Concat(chain) + none + ")";
            case ParameterShape.Json:
                return Styles + ".JsonText(w0 => { " + JsonCode.Write(p.Type, names, "w0", value) + " })";
            default:
                return OperationEmitter.Wire(p.Type, value, names);
        }
    }

    /// <summary>A list's items as texts (null items stay null and are left out by the runtime).</summary>
    private static string Items(ParameterModel p, string value, ClientNames names)
    {
        var item = p.Type.Item!;
        var wire = OperationEmitter.Wire(item, "item", names);
        if (wire == "item")
        {
            return value; // strings are their own text (null items included: the runtime leaves them out)
        }
        var text = p.Type.ItemNullable
            ? "item is { } present ? " + OperationEmitter.Wire(item, "present", names) + " : null"
            : wire;
        return "global::System.Linq.Enumerable.Select(" + value + ", static item => " + text + ")";
    }

    /// <summary>An object's members (record properties, or dictionary entries) as name/text pairs.</summary>
    private static string Members(ParameterModel p, string value, ClientNames names)
    {
        if (p.Shape == ParameterShape.Map)
        {
            var item = p.Type.Item!;
            var text = p.Type.ItemNullable
                ? "entry.Value is { } present ? " + OperationEmitter.Wire(item, "present", names) + " : null"
                : OperationEmitter.Wire(item, "entry.Value", names);
            return "global::System.Linq.Enumerable.Select(" + value + ", static entry => new " + Pair + "(entry.Key, " + text + "))";
        }
        var prefix = p.CSharpName.TrimStart('@') + "Member";
        var members = p.Members.Select((m, i) =>
            "new(" + CSharpCode.Literal(m.WireName) + ", " + value + "." + m.CSharpName + " is { } " + prefix + i + " ? "
            + OperationEmitter.Wire(m.Type, prefix + i, names) + " : null)");
        // One member a line: a record may have many properties.
        return "new " + Pair + "[]\n{\n    " + string.Join(",\n    ", members) + ",\n}";
    }

    private static string Style(ParameterModel p) => StyleEnum + "." + char.ToUpperInvariant(p.Style[0]) + p.Style.Substring(1);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The parameter's own constraints (enum membership, length, pattern, range) and, for records and unions, their validators; messages never contain the value.</summary>
    public static void EmitChecks(SourceWriter writer, ParameterModel p, ClientNames names)
    {
        var c = p.Constraints;
        var checks = new List<string>();
        // Pattern variables of an if condition live in the whole method body: each use gets its own name.
        var value = p.IsRequired ? p.CSharpName : p.CSharpName.TrimStart('@') + "ToCheck";
        bool isString = p.Type.Kind is TypeKind.String;
        var jsonName = CSharpCode.Literal(p.Name);
        if (p.Shape is ParameterShape.Object or ParameterShape.Union)
        {
            checks.Add("validation.Enter(" + jsonName + ");");
            checks.Add(value + ".Validate(ref validation);");
            checks.Add("validation.Exit();");
        }
        if (p.Type.Kind == TypeKind.Enum)
        {
            checks.Add("if (!" + names.Qualify(p.Type.Name + "Json") + ".IsDefined(" + value + ")) validation.AddError(" + jsonName + ", \"enum\", \"must be one of the values the API description lists\");");
        }
        bool isNumber = p.Type.Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal;
        if (isString)
        {
            if (c.MinLength is int min)
                checks.Add("if (" + value + ".Length < " + min + ") validation.AddError(" + jsonName + ", \"minLength\", \"must be at least " + min + " character" + (min == 1 ? "" : "s") + " long\");");
            if (c.MaxLength is int max)
                checks.Add("if (" + value + ".Length > " + max + ") validation.AddError(" + jsonName + ", \"maxLength\", \"must be at most " + max + " character" + (max == 1 ? "" : "s") + " long\");");
            // Same regex dialect as the body validators: ECMAScript when .NET accepts it, else .NET syntax; skipped
            // (with a CG0052 warning from the reader) when .NET cannot compile the pattern at all.
            if (c.Pattern is { } pattern && Reading.ConstraintReader.PatternMode(pattern) is bool ecmaScript)
            {
                var options = ecmaScript
                    ? "global::System.Text.RegularExpressions.RegexOptions.ECMAScript | global::System.Text.RegularExpressions.RegexOptions.CultureInvariant"
                    : "global::System.Text.RegularExpressions.RegexOptions.CultureInvariant";
                checks.Add("if (!global::System.Text.RegularExpressions.Regex.IsMatch(" + value + ", " + CSharpCode.Literal(pattern) + ", " + options + ")) validation.AddError(" + jsonName + ", \"pattern\", " + CSharpCode.Literal("must match the pattern " + pattern) + ");");
            }
        }
        if (isNumber)
        {
            var suffix = p.Type.Kind == TypeKind.Decimal ? "m" : "";
            if (IsNumberLiteral(c.Minimum))
                checks.Add("if (" + value + (c.ExclusiveMinimum ? " <= " : " < ") + c.Minimum + suffix + ") validation.AddError(" + jsonName + ", \"" + (c.ExclusiveMinimum ? "exclusiveMinimum" : "minimum") + "\", \"must be " + (c.ExclusiveMinimum ? "greater than " : "at least ") + c.Minimum + "\");");
            if (IsNumberLiteral(c.Maximum))
                checks.Add("if (" + value + (c.ExclusiveMaximum ? " >= " : " > ") + c.Maximum + suffix + ") validation.AddError(" + jsonName + ", \"" + (c.ExclusiveMaximum ? "exclusiveMaximum" : "maximum") + "\", \"must be " + (c.ExclusiveMaximum ? "less than " : "at most ") + c.Maximum + "\");");
        }
        if (checks.Count == 0) return;
        if (!p.IsRequired)
        {
            writer.WriteLine($"if ({p.CSharpName} is {{ }} {value})");
            writer.OpenBrace();
        }
        foreach (var check in checks) writer.WriteLine(check);
        if (!p.IsRequired) writer.CloseBrace();
    }

    private static bool IsNumberLiteral(string? text) =>
        text is not null && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
        && text.IndexOfAny(new[] { 'e', 'E' }) < 0;
}
