using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// Emits a union (<see cref="UnionModel"/>): a <c>public sealed partial record</c> with one nullable property per
/// variant, conversions from each variant, reflection-free JSON code and a validator.
/// Reading chooses the variant by the discriminator when there is one, else by the JSON token; when several
/// variants start with the same token, each is tried on a copy of the reader in spec order and the first that
/// reads wins (an enum variant must list the value). <c>oneOf</c> exclusivity (no other variant would also read) is not checked.
/// </summary>
internal static class UnionEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static string Emit(UnionModel model, ClientNames names)
    {
        var writer = new SourceWriter();
        var type = names.Qualify(model.Name);
        bool hasUnknown = model.DiscriminatorProperty is not null;
        CSharpCode.FileHeader(writer, names.Namespace);
        CSharpCode.Summary(writer, model.Description, "One of the variants of the " + model.Name + " schema.");
        writer.WriteLine("/// <remarks>" + (model.IsOneOf ? "<c>oneOf</c>" : "<c>anyOf</c>") + ": exactly one property is set after reading"
            + (hasUnknown ? " (<see cref=\"Unknown\"/> when the discriminator names no known variant)" : "") + "."
            + (hasUnknown ? "" : " The variant is chosen by the JSON value; variants that start alike are tried in order and the first that reads is taken"
                + (model.IsOneOf ? " (that no other variant matches is not checked)" : "") + ".")
            + "</remarks>");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public sealed partial record {model.Name} : global::Codegen.Runtime.Json.IJsonModel<{type}>, global::Codegen.Runtime.Validation.IValidatable");
        writer.OpenBrace();

        foreach (var variant in model.Variants)
        {
            var variantType = CSharpCode.TypeName(variant.Type, names);
            writer.WriteLine($"/// <summary>The value when it is a <c>{CSharpCode.XmlEscape(variant.Name)}</c>{DiscriminatorDoc(model, variant)}.</summary>");
            writer.WriteLine($"public {variantType}? {variant.Name} {{ get; init; }}");
            writer.WriteLine();
        }
        if (hasUnknown)
        {
            writer.WriteLine("/// <summary>The raw value when its discriminator names no variant this client knows (e.g. one a newer server added); written back unchanged.</summary>");
            writer.WriteLine($"public {Json}.JsonElement? Unknown {{ get; init; }}");
            writer.WriteLine();
        }

        EmitConversions(writer, model, names, type);
        EmitRead(writer, model, names, type);
        writer.WriteLine();
        EmitWrite(writer, model, names);
        writer.WriteLine();
        EmitValidate(writer, model, hasUnknown);
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }

    private static string DiscriminatorDoc(UnionModel model, UnionVariant variant) =>
        model.DiscriminatorProperty is null || variant.DiscriminatorValues.Count == 0 ? ""
        : " (<c>" + CSharpCode.XmlEscape(model.DiscriminatorProperty) + "</c>: " + string.Join(", ", variant.DiscriminatorValues.Select(v => "<c>" + CSharpCode.XmlEscape(v) + "</c>")) + ")";

    private static void EmitConversions(SourceWriter writer, UnionModel model, ClientNames names, string type)
    {
        foreach (var variant in model.Variants)
        {
            var variantType = CSharpCode.TypeName(variant.Type, names);
            writer.WriteLine($"/// <summary>A {model.Name} holding a <c>{CSharpCode.XmlEscape(variant.Name)}</c>.</summary>");
            writer.WriteLine($"public static {type} From{variant.Name}({variantType} value) => new() {{ {variant.Name} = value }};");
            writer.WriteLine();
            // C# allows no user-defined conversion from an interface (lists, maps) or from the type itself.
            if (variant.Type.Kind is TypeKind.Array or TypeKind.Dictionary || variant.Type.Name == model.Name) continue;
            writer.WriteLine($"/// <summary>A {model.Name} holding a <c>{CSharpCode.XmlEscape(variant.Name)}</c>.</summary>");
            writer.WriteLine($"public static implicit operator {type}({variantType} value) => new() {{ {variant.Name} = value }};");
            writer.WriteLine();
        }
    }

    private static void EmitRead(SourceWriter writer, UnionModel model, ClientNames names, string type)
    {
        writer.WriteLine($"/// <summary>Reads one <see cref=\"{type}\"/>, choosing the variant {(model.DiscriminatorProperty is null ? "by the JSON value" : "by the discriminator")}.</summary>");
        writer.WriteLine($"public static {type} ReadJson(ref {Json}.Utf8JsonReader reader)");
        writer.OpenBrace();
        if (model.DiscriminatorProperty is not null)
        {
            EmitDiscriminatorDispatch(writer, model, names, type);
        }
        writer.WriteLine("switch (reader.TokenType)");
        writer.OpenBrace();
        var byToken = new (string Label, UnionToken Token)[]
        {
            ("case " + TokenType + ".String:", UnionToken.String),
            ("case " + TokenType + ".Number:", UnionToken.Number),
            ("case " + TokenType + ".True:\ncase " + TokenType + ".False:", UnionToken.Boolean),
            ("case " + TokenType + ".StartArray:", UnionToken.Array),
            ("case " + TokenType + ".StartObject:", UnionToken.Object),
        };
        var fallbacks = model.Variants.Where(v => v.Token == UnionToken.Any).ToList();
        foreach (var (label, token) in byToken)
        {
            var candidates = model.Variants.Where(v => v.Token == token).Concat(fallbacks).ToList();
            if (candidates.Count == 0) continue;
            foreach (var line in label.Split('\n')) writer.WriteLine(line);
            writer.OpenBrace();
            EmitAttempts(writer, candidates, names);
            writer.CloseBrace();
        }
        writer.CloseBrace();
        writer.WriteLine($"throw new {Json}.JsonException(\"No variant of {model.Name} accepts a JSON \" + reader.TokenType + \" value.\");");
        writer.CloseBrace();
    }

    /// <summary>Every candidate but the last is read on a copy of the reader; a failure moves on to the next.</summary>
    private static void EmitAttempts(SourceWriter writer, List<UnionVariant> candidates, ClientNames names)
    {
        for (int i = 0; i < candidates.Count - 1; i++)
        {
            var variant = candidates[i];
            if (variant.Type.Kind == TypeKind.Enum)
            {
                // Enum readers never throw (unknown values read as default): a listed value decides instead.
                var local = "member" + i.ToString(CultureInfo.InvariantCulture);
                writer.WriteLine($"var {local} = {JsonCode.Read(variant.Type, names, "reader")};");
                writer.WriteLine($"if ({names.Qualify(variant.Type.Name + "Json")}.IsDefined({local}))");
                writer.OpenBrace();
                writer.WriteLine($"return new() {{ {variant.Name} = {local} }};");
                writer.CloseBrace();
                continue;
            }
            writer.WriteLine($"var attempt{i.ToString(CultureInfo.InvariantCulture)} = reader;");
            writer.WriteLine("try");
            writer.OpenBrace();
            writer.WriteLine($"var value = {JsonCode.Read(variant.Type, names, "attempt" + i.ToString(CultureInfo.InvariantCulture))};");
            writer.WriteLine($"reader = attempt{i.ToString(CultureInfo.InvariantCulture)};");
            writer.WriteLine($"return new() {{ {variant.Name} = value }};");
            writer.CloseBrace();
            // Wrong shape: a JsonException from generated code, InvalidOperationException/FormatException from the reader.
            writer.WriteLine($"catch (global::System.Exception exception) when (exception is {Json}.JsonException or global::System.InvalidOperationException or global::System.FormatException)");
            writer.OpenBrace();
            writer.WriteLine("// Not this variant; the next one is tried.");
            writer.CloseBrace();
        }
        var last = candidates[candidates.Count - 1];
        writer.WriteLine($"return new() {{ {last.Name} = {JsonCode.Read(last.Type, names, "reader")} }};");
    }

    private static void EmitDiscriminatorDispatch(SourceWriter writer, UnionModel model, ClientNames names, string type)
    {
        writer.WriteLine($"if (reader.TokenType == {TokenType}.StartObject)");
        writer.OpenBrace();
        writer.WriteLine("// The discriminator may come after other members: look ahead on a copy of the reader.");
        writer.WriteLine("var probe = reader;");
        writer.WriteLine("int variant = -1;");
        writer.WriteLine($"while (probe.Read() && probe.TokenType == {TokenType}.PropertyName)");
        writer.OpenBrace();
        writer.WriteLine($"if (!probe.ValueTextEquals({CSharpCode.Utf8Literal(model.DiscriminatorProperty!)}))");
        writer.OpenBrace();
        writer.WriteLine("probe.Read();");
        writer.WriteLine("probe.Skip();");
        writer.WriteLine("continue;");
        writer.CloseBrace();
        writer.WriteLine("probe.Read();");
        writer.WriteLine("variant = -2;");
        // The first listed value wins should a mapping key and an implicit component name coincide.
        bool first = true;
        switch (model.DiscriminatorKind)
        {
            case DiscriminatorKind.Boolean:
                for (int i = 0; i < model.Variants.Count; i++)
                {
                    foreach (var value in model.Variants[i].DiscriminatorValues)
                    {
                        writer.WriteLine($"{If(ref first)}(probe.TokenType == {TokenType}{(value == "true" ? ".True" : ".False")}) variant = {Int(i)};");
                    }
                }
                break;
            case DiscriminatorKind.Number:
                writer.WriteLine($"if (probe.TokenType == {TokenType}.Number && probe.TryGetDecimal(out var number))");
                writer.OpenBrace();
                for (int i = 0; i < model.Variants.Count; i++)
                {
                    foreach (var value in model.Variants[i].DiscriminatorValues)
                    {
                        writer.WriteLine($"{If(ref first)}(number == {value}m) variant = {Int(i)};");
                    }
                }
                writer.CloseBrace();
                break;
            default:
                writer.WriteLine($"if (probe.TokenType == {TokenType}.String)");
                writer.OpenBrace();
                for (int i = 0; i < model.Variants.Count; i++)
                {
                    foreach (var value in model.Variants[i].DiscriminatorValues)
                    {
                        writer.WriteLine($"{If(ref first)}(probe.ValueTextEquals({CSharpCode.Utf8Literal(value)})) variant = {Int(i)};");
                    }
                }
                writer.CloseBrace();
                break;
        }
        writer.WriteLine("break;");
        writer.CloseBrace();
        writer.WriteLine("switch (variant)");
        writer.OpenBrace();
        for (int i = 0; i < model.Variants.Count; i++)
        {
            var variant = model.Variants[i];
            if (variant.DiscriminatorValues.Count == 0) continue;
            writer.WriteLine($"case {Int(i)}:");
            writer.WriteLine($"    return new() {{ {variant.Name} = {JsonCode.Read(variant.Type, names, "reader")} }};");
        }
        writer.WriteLine("case -2:");
        writer.WriteLine("    // A value this client does not know: kept raw rather than failing the whole response.");
        writer.WriteLine($"    return new() {{ Unknown = {Json}.JsonElement.ParseValue(ref reader) }};");
        writer.CloseBrace();
        writer.WriteLine("// No discriminator member: the variant is chosen by shape below.");
        writer.CloseBrace();
    }

    private static void EmitWrite(SourceWriter writer, UnionModel model, ClientNames names)
    {
        writer.WriteLine("/// <summary>Writes the variant that is set (the first, should several be); <c>null</c> when none is.</summary>");
        writer.WriteLine($"public void WriteJson({Json}.Utf8JsonWriter writer)");
        writer.OpenBrace();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        bool first = true;
        for (int i = 0; i < model.Variants.Count; i++)
        {
            var variant = model.Variants[i];
            var local = "value" + Int(i);
            writer.WriteLine($"{(first ? "if" : "else if")} (this.{variant.Name} is {{ }} {local})");
            first = false;
            writer.OpenBrace();
            writer.WriteLine(JsonCode.Write(variant.Type, names, "writer", local));
            writer.CloseBrace();
        }
        if (model.DiscriminatorProperty is not null)
        {
            writer.WriteLine("else if (this.Unknown is { } unknown)");
            writer.OpenBrace();
            writer.WriteLine("unknown.WriteTo(writer);");
            writer.CloseBrace();
        }
        writer.WriteLine("else");
        writer.OpenBrace();
        writer.WriteLine("writer.WriteNullValue();");
        writer.CloseBrace();
        writer.CloseBrace();
    }

    private static void EmitValidate(SourceWriter writer, UnionModel model, bool hasUnknown)
    {
        const string Context = "global::Codegen.Runtime.Validation.ValidationContext";
        var rule = model.IsOneOf ? "oneOf" : "anyOf";
        writer.WriteLine("/// <summary>Checks that exactly one variant is set and validates it.</summary>");
        writer.WriteLine("public global::Codegen.Runtime.Validation.ValidationResult Validate()");
        writer.OpenBrace();
        writer.WriteLine($"var context = new {Context}();");
        writer.WriteLine("Validate(ref context);");
        writer.WriteLine("return context.ToResult();");
        writer.CloseBrace();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Checks that exactly one variant is set and validates it, adding violations to <paramref name=\"context\"/> under its current path.</summary>");
        writer.WriteLine($"public void Validate(ref {Context} context)");
        writer.OpenBrace();
        var counts = model.Variants.Select(v => "(this." + v.Name + " is null ? 0 : 1)").ToList();
        writer.WriteLine($"int set = {string.Join(" + ", counts)};");
        writer.WriteLine("if (set > 1)");
        writer.OpenBrace();
        writer.WriteLine($"context.AddError({CSharpCode.Literal(rule)}, {CSharpCode.Literal("sets more than one variant of " + model.Name)});");
        writer.CloseBrace();
        writer.WriteLine($"else if (set == 0{(hasUnknown ? " && this.Unknown is null" : "")})");
        writer.OpenBrace();
        writer.WriteLine($"context.AddError({CSharpCode.Literal(rule)}, {CSharpCode.Literal("sets no variant of " + model.Name)});");
        writer.CloseBrace();
        if (hasUnknown)
        {
            writer.WriteLine("if (set == 0 && this.Unknown is not null)");
            writer.OpenBrace();
            writer.WriteLine($"context.AddError(\"discriminator\", {CSharpCode.Literal("has a value of '" + model.DiscriminatorProperty + "' that names no known variant of " + model.Name)});");
            writer.CloseBrace();
        }
        for (int i = 0; i < model.Variants.Count; i++)
        {
            var variant = model.Variants[i];
            if (variant.Type.Kind != TypeKind.Model) continue;
            writer.WriteLine($"if (this.{variant.Name} is {{ }} value{Int(i)})");
            writer.OpenBrace();
            writer.WriteLine($"value{Int(i)}.Validate(ref context);");
            writer.CloseBrace();
        }
        writer.CloseBrace();
    }

    private static string If(ref bool first)
    {
        var keyword = first ? "if " : "else if ";
        first = false;
        return keyword;
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
