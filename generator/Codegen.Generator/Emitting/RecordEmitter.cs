using System.Globalization;
using System.Linq;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

/// <summary>
/// Emits a <c>public sealed partial record</c> for an object schema with its reflection-free JSON code
/// (<c>IJsonModel&lt;T&gt;</c>). The validator is another partial file (<see cref="ValidatorEmitter"/>).
/// </summary>
internal static class RecordEmitter
{
    public static string Emit(RecordModel model, ClientNames names)
    {
        var writer = new SourceWriter();
        var type = names.Qualify(model.Name);
        CSharpCode.FileHeader(writer, names.Namespace);
        CSharpCode.Summary(writer, model.Description, "The " + model.Name + " schema.");
        writer.WriteLine(CSharpCode.GeneratedCodeAttribute);
        writer.WriteLine($"public sealed partial record {model.Name} : global::Codegen.Runtime.Json.IJsonModel<{type}>");
        writer.OpenBrace();

        // Each property's C# type, named once for its declaration and its local in ReadJson.
        var typeNames = new string[model.Properties.Count];
        for (int i = 0; i < typeNames.Length; i++)
        {
            typeNames[i] = CSharpCode.TypeName(model.Properties[i].Type, names);
            if (i > 0) writer.WriteLine();
            EmitProperty(writer, model.Properties[i], typeNames[i]);
        }

        if (model.AdditionalProperties is { } extras)
        {
            if (typeNames.Length > 0) writer.WriteLine();
            writer.WriteLine("/// <summary>Members of the JSON object beyond the declared properties, in the order read; written after them.</summary>");
            writer.WriteLine($"public {CSharpCode.TypeName(extras, names)}? {model.AdditionalPropertiesName} {{ get; init; }}");
        }

        if (model.Properties.Any(p => p.IsSensitive))
        {
            writer.WriteLine();
            EmitPrintMembers(writer, model);
        }

        writer.WriteLine();
        EmitEncodedNames(writer, model);
        writer.WriteLine();
        EmitRead(writer, model, names, type, typeNames);
        writer.WriteLine();
        EmitWrite(writer, model, names);
        writer.CloseBrace();
        writer.CloseBrace();
        return writer.Finish();
    }

    /// <summary>Required and not nullable → non-nullable C#; everything else may be absent → nullable C#.</summary>
    public static bool IsNullableInCSharp(PropertyModel property) => !property.IsRequired || property.IsNullable;

    /// <summary>
    /// Optional and nullable: absent and <c>null</c> mean different things (a PATCH that clears a value), so the
    /// record remembers whether the property was set (by an initializer or by the JSON it was read from).
    /// </summary>
    public static bool TracksPresence(PropertyModel property) => !property.IsRequired && property.IsNullable;

    private static string PresenceField(PropertyModel property) => "__present_" + property.Name;

    private static string ValueField(PropertyModel property) => "__value_" + property.Name;

    private static void EmitProperty(SourceWriter writer, PropertyModel property, string typeName)
    {
        var jsonName = CSharpCode.XmlEscape(property.JsonName);
        CSharpCode.Summary(writer, property.Description, "The <c>" + jsonName + "</c> value.");
        writer.Write($"/// <remarks>JSON name: <c>{jsonName}</c>.");
        if (property.IsSensitive) writer.Write(" Sensitive: masked in <c>ToString()</c>.");
        if (property.ExpiresAfter is not null) writer.Write($" Expires {property.ExpiresAfter} after the server issues it.");
        if (property.IsReadOnly) writer.Write(" Read-only: set by the server.");
        if (property.IsWriteOnly) writer.Write(" Write-only: never returned by the server.");
        // Not [Obsolete]: the generated JSON code itself reads every property, which would warn in consumers.
        if (property.IsDeprecated) writer.Write(" Deprecated by the API description.");
        writer.WriteLine("</remarks>");
        var nullable = IsNullableInCSharp(property) ? "?" : "";
        if (TracksPresence(property))
        {
            var (value, present) = (ValueField(property), PresenceField(property));
            writer.WriteLine("/// <value>Setting it, even to <see langword=\"null\"/>, sends it: <c>null</c> is written as JSON <c>null</c>; never set, it is left out.</value>");
            writer.WriteLine($"public {typeName}{nullable} {property.Name} {{ get => {value}; init {{ {value} = value; {present} = true; }} }}");
            writer.WriteLine($"private {typeName}{nullable} {value};");
            writer.WriteLine($"private bool {present};");
            return;
        }
        writer.WriteLine($"public {(property.IsRequired ? "required " : "")}{typeName}{nullable} {property.Name} {{ get; init; }}");
    }

    /// <summary>Records print every property in ToString(); secrets are replaced by <c>***</c>.</summary>
    private static void EmitPrintMembers(SourceWriter writer, RecordModel model)
    {
        writer.WriteLine("private bool PrintMembers(global::System.Text.StringBuilder builder)");
        writer.OpenBrace();
        bool first = true;
        foreach (var property in model.Properties)
        {
            var prefix = (first ? "" : ", ") + property.Name + " = ";
            first = false;
            if (property.IsSensitive)
            {
                writer.WriteLine($"builder.Append({CSharpCode.Literal(prefix + "***")});");
            }
            else
            {
                writer.WriteLine($"builder.Append({CSharpCode.Literal(prefix)});");
                writer.WriteLine($"builder.Append((object?)this.{property.Name});");
            }
        }
        if (model.AdditionalProperties is not null)
        {
            writer.WriteLine($"builder.Append({CSharpCode.Literal((model.Properties.Count == 0 ? "" : ", ") + model.AdditionalPropertiesName + " = ")});");
            writer.WriteLine($"builder.Append((object?)this.{model.AdditionalPropertiesName});");
        }
        writer.WriteLine("return true;");
        writer.CloseBrace();
    }

    private static string Local(PropertyModel property) => "_" + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);

    private static void EmitRead(SourceWriter writer, RecordModel model, ClientNames names, string type, string[] typeNames)
    {
        writer.WriteLine($"/// <summary>Reads one <see cref=\"{type}\"/>; unknown properties are skipped.</summary>");
        writer.WriteLine($"public static {type} ReadJson(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.OpenBrace();
        writer.WriteLine("if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject)");
        writer.OpenBrace();
        writer.WriteLine($"throw new global::System.Text.Json.JsonException(\"Expected a JSON object for {model.Name}.\");");
        writer.CloseBrace();
        var locals = new string[model.Properties.Count];
        for (int i = 0; i < locals.Length; i++)
        {
            var property = model.Properties[i];
            var local = locals[i] = Local(property);
            writer.WriteLine($"{typeNames[i]}? {local} = null;");
            if (property.IsRequired && property.IsNullable || TracksPresence(property))
            {
                writer.WriteLine($"bool {local}Seen = false;");
            }
        }
        var extras = model.AdditionalProperties;
        if (extras is not null)
        {
            writer.WriteLine($"global::System.Collections.Generic.Dictionary<string, {CSharpCode.ItemTypeName(extras, names)}>? __extras = null;");
        }
        writer.WriteLine("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        writer.OpenBrace();
        bool first = true;
        for (int i = 0; i < locals.Length; i++)
        {
            var property = model.Properties[i];
            writer.WriteLine($"{(first ? "if" : "else if")} (reader.ValueTextEquals({CSharpCode.Utf8Literal(property.JsonName)}))");
            first = false;
            writer.OpenBrace();
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"{locals[i]} = {JsonCode.ReadNullable(property.Type, names, "reader")};");
            if (property.IsRequired && property.IsNullable || TracksPresence(property))
            {
                writer.WriteLine($"{locals[i]}Seen = true;");
            }
            writer.CloseBrace();
        }
        if (!first)
        {
            writer.WriteLine("else");
            writer.OpenBrace();
        }
        if (extras is not null)
        {
            // A member not declared: kept, typed by additionalProperties.
            writer.WriteLine("var __name = reader.GetString()!;");
            writer.WriteLine("reader.Read();");
            var read = extras.ItemNullable ? JsonCode.ReadNullable(extras.Item!, names, "reader") : JsonCode.Read(extras.Item!, names, "reader");
            writer.WriteLine($"(__extras ??= new global::System.Collections.Generic.Dictionary<string, {CSharpCode.ItemTypeName(extras, names)}>(global::System.StringComparer.Ordinal))[__name] = {read};");
        }
        else
        {
            writer.WriteLine("reader.Read();");
            writer.WriteLine("reader.Skip();");
        }
        if (!first)
        {
            writer.CloseBrace();
        }
        writer.CloseBrace();
        bool tracked = model.Properties.Any(TracksPresence);
        writer.WriteLine($"{(tracked ? "var __result = new " : "return new ")}{type}");
        writer.OpenBrace();
        for (int i = 0; i < locals.Length; i++)
        {
            var property = model.Properties[i];
            if (TracksPresence(property)) continue;
            var local = locals[i];
            // A required writeOnly property is never in a response: reading goes on without it (the default value).
            if (!property.IsRequired || property.IsWriteOnly && property.IsNullable)
            {
                writer.WriteLine($"{property.Name} = {local},");
            }
            else if (property.IsWriteOnly)
            {
                writer.WriteLine($"{property.Name} = {local} ?? default!,");
            }
            else
            {
                var seen = property.IsNullable ? local + "Seen ? " + local + " : " : local + " ?? ";
                writer.WriteLine($"{property.Name} = {seen}throw new global::System.Text.Json.JsonException(\"The required property '{EscapeForMessage(property.JsonName)}' of {model.Name} is missing.\"),");
            }
        }
        if (extras is not null)
        {
            writer.WriteLine($"{model.AdditionalPropertiesName} = __extras,");
        }
        writer.CloseBrace(";");
        if (tracked)
        {
            // Present (even as null) or absent, exactly as read.
            for (int i = 0; i < locals.Length; i++)
            {
                var property = model.Properties[i];
                if (!TracksPresence(property)) continue;
                writer.WriteLine($"__result.{ValueField(property)} = {locals[i]};");
                writer.WriteLine($"__result.{PresenceField(property)} = {locals[i]}Seen;");
            }
            writer.WriteLine("return __result;");
        }
        writer.CloseBrace();
    }

    private static string EscapeForMessage(string jsonName) => CSharpCode.Literal(jsonName).Trim('"');

    /// <summary>Property names escaped once (as System.Text.Json's own generator does), not on every write.</summary>
    private static void EmitEncodedNames(SourceWriter writer, RecordModel model)
    {
        foreach (var property in model.Properties)
        {
            writer.WriteLine($"private static readonly global::System.Text.Json.JsonEncodedText __json{property.Name} = global::System.Text.Json.JsonEncodedText.Encode({CSharpCode.Utf8Literal(property.JsonName)});");
        }
    }

    /// <summary>Property names are PascalCase, so a <c>__json</c> prefix never collides with one.</summary>
    private static string EncodedName(PropertyModel property) => "__json" + property.Name;

    private static void EmitWrite(SourceWriter writer, RecordModel model, ClientNames names)
    {
        writer.WriteLine(model.Properties.Any(TracksPresence)
            ? "/// <summary>Writes this value as a JSON object; absent (null) optional properties are left out, except nullable ones set to null, written as null.</summary>"
            : "/// <summary>Writes this value as a JSON object; absent (null) optional properties are left out.</summary>");
        writer.WriteLine("public void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        writer.OpenBrace();
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.WriteLine("writer.WriteStartObject();");
        int index = 0;
        foreach (var property in model.Properties)
        {
            var name = EncodedName(property);
            var access = "this." + property.Name;
            if (!IsNullableInCSharp(property))
            {
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine(JsonCode.Write(property.Type, names, "writer", access));
                continue;
            }
            var local = "value" + index++.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"if ({access} is {{ }} {local})");
            writer.OpenBrace();
            writer.WriteLine($"writer.WritePropertyName({name});");
            writer.WriteLine(JsonCode.Write(property.Type, names, "writer", local));
            writer.CloseBrace();
            if (property.IsRequired || TracksPresence(property))
            {
                // Required but nullable: the property is always present, as null when there is no value.
                // Optional and nullable: present as null only when it was set to null.
                if (TracksPresence(property)) writer.WriteLine($"else if (this.{PresenceField(property)})");
                else writer.WriteLine("else");
                writer.OpenBrace();
                writer.WriteLine($"writer.WriteNull({name});");
                writer.CloseBrace();
            }
        }
        if (model.AdditionalProperties is { } extras)
        {
            writer.WriteLine($"if (this.{model.AdditionalPropertiesName} is {{ }} __extras)");
            writer.OpenBrace();
            writer.WriteLine("foreach (var __member in __extras)");
            writer.OpenBrace();
            writer.WriteLine("writer.WritePropertyName(__member.Key);");
            if (extras.ItemNullable)
            {
                writer.WriteLine($"if (__member.Value is {{ }} __value) {{ {JsonCode.Write(extras.Item!, names, "writer", "__value")} }} else {{ writer.WriteNullValue(); }}");
            }
            else
            {
                writer.WriteLine("var __value = __member.Value;");
                writer.WriteLine(JsonCode.Write(extras.Item!, names, "writer", "__value"));
            }
            writer.CloseBrace();
            writer.CloseBrace();
        }
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBrace();
    }
}
