using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// Emits an enum and its JSON helper class <c>{Enum}Json</c>. Unknown values from a server never throw:
/// integer enums cast the number through; string enums read as <c>default</c> (0), which is no named member,
/// because string enum members are numbered from 1.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EnumModel model, ClientNames names)
    {
        var writer = new SourceWriter();
        CSharpCode.FileHeader(writer, names.Namespace);
        CSharpCode.Summary(writer, model.Description, "The " + model.Name + " values.");
        if (model.IsString)
        {
            writer.WriteLine("/// <remarks>Sent as strings. A value this version does not know reads as <c>default</c> (0), which is no named member.</remarks>");
        }
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public enum {model.Name}{(model.UnderlyingType == "long" ? " : long" : "")}");
        writer.OpenBrace();
        foreach (var member in model.Members)
        {
            var wire = CSharpCode.XmlEscape(model.IsString ? CSharpCode.Literal(member.Value) : member.Value);
            if (member.Description is null)
            {
                writer.WriteLine($"/// <summary>The value <c>{wire}</c>.</summary>");
            }
            else
            {
                CSharpCode.Summary(writer, member.Description, "");
                writer.WriteLine($"/// <remarks>Wire value <c>{wire}</c>.</remarks>");
            }
            writer.WriteLine($"{member.Name} = {member.NumericValue.ToString(CultureInfo.InvariantCulture)},");
        }
        writer.CloseBrace();
        writer.WriteLine();
        EmitJson(writer, model, names);
        writer.CloseBrace();
        return writer.Finish();
    }

    private static void EmitJson(SourceWriter writer, EnumModel model, ClientNames names)
    {
        var type = names.Qualify(model.Name);
        writer.WriteLine($"/// <summary>Reflection-free JSON and wire-text conversion for <see cref=\"{type}\"/>.</summary>");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"internal static class {model.Name}Json");
        writer.OpenBrace();

        writer.WriteLine("/// <summary>Reads a value; unknown values do not throw.</summary>");
        writer.WriteLine($"public static {type} Read(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.OpenBrace();
        if (model.IsString)
        {
            writer.WriteLine("if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)");
            writer.OpenBrace();
            writer.WriteLine("return default;");
            writer.CloseBrace();
            foreach (var member in model.Members)
            {
                writer.WriteLine($"if (reader.ValueTextEquals({CSharpCode.Utf8Literal(member.Value)}))");
                writer.OpenBrace();
                writer.WriteLine($"return {type}.{member.Name};");
                writer.CloseBrace();
            }
            writer.WriteLine("return default;");
        }
        else
        {
            var numberType = model.UnderlyingType;
            var tryGet = numberType == "long" ? "TryGetInt64" : "TryGetInt32";
            writer.WriteLine($"return reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.{tryGet}(out {numberType} value) ? ({type})value : default;");
        }
        writer.CloseBrace();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Writes a value.</summary>");
        writer.WriteLine($"public static void Write(global::System.Text.Json.Utf8JsonWriter writer, {type} value)");
        writer.OpenBrace();
        if (model.IsString)
        {
            writer.WriteLine("switch (value)");
            writer.OpenBrace();
            foreach (var member in model.Members)
            {
                writer.WriteLine($"case {type}.{member.Name}:");
                writer.WriteLine($"    writer.WriteStringValue({CSharpCode.Utf8Literal(member.Value)});");
                writer.WriteLine("    break;");
            }
            writer.WriteLine("default:");
            writer.WriteLine($"    throw new global::System.Text.Json.JsonException(\"The value \" + (({model.UnderlyingType})value).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" is not a known {model.Name}.\");");
            writer.CloseBrace();
        }
        else
        {
            writer.WriteLine($"writer.WriteNumberValue(({model.UnderlyingType})value);");
        }
        writer.CloseBrace();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Whether the value is one the API description lists.</summary>");
        writer.WriteLine($"public static bool IsDefined({type} value)");
        writer.OpenBrace();
        if (model.Members.Count == 0)
        {
            writer.WriteLine("return false;");
        }
        else
        {
            writer.Write("return value is ");
            for (int i = 0; i < model.Members.Count; i++)
            {
                writer.Write($"{(i == 0 ? "" : " or ")}{type}.{model.Members[i].Name}");
            }
            writer.WriteLine(";");
        }
        writer.CloseBrace();
        writer.WriteLine();

        writer.WriteLine("/// <summary>The value as it appears in a path, query or header.</summary>");
        writer.WriteLine($"public static string ToWire({type} value)");
        writer.OpenBrace();
        if (model.IsString)
        {
            writer.WriteLine("return value switch");
            writer.OpenBrace();
            foreach (var member in model.Members)
            {
                writer.WriteLine($"{type}.{member.Name} => {CSharpCode.Literal(member.Value)},");
            }
            writer.WriteLine($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), \"The value is not a known {model.Name}.\"),");
            writer.CloseBrace(";");
        }
        else
        {
            writer.WriteLine($"return (({model.UnderlyingType})value).ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        }
        writer.CloseBrace();
        writer.CloseBrace();
    }
}
