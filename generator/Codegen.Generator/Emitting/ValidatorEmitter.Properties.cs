using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

internal static partial class ValidatorEmitter
{
    private static void EmitProperty(Emission emission, PropertyModel property)
    {
        var writer = emission.Writer;
        string member = "this." + property.Name;
        bool mustBePresent = property.IsRequired && !property.IsNullable;

        if (property.Type.Kind == TypeKind.Any)
        {
            // JsonElement: "absent" is the default element; nothing else can be checked on an untyped value.
            if (mustBePresent)
            {
                writer.WriteLine($"if ({member}.ValueKind == global::System.Text.Json.JsonValueKind.Undefined)");
                writer.OpenBrace();
                AddError(writer, property.JsonName, "required", "is required");
                writer.CloseBrace();
            }
            return;
        }

        // The block around a value's checks is written first and dropped again when there are no checks.
        var blockStart = writer.Position;
        if (IsNonNullableValue(property))
        {
            string local = emission.NewLocal("value");
            writer.OpenBrace();
            writer.WriteLine($"var {local} = {member};");
            if (!WriteValueChecks(emission, writer, property.Type, property.Constraints, local, property.JsonName, null, validateNested: true))
            {
                writer.Rewind(blockStart);
                return;
            }
            writer.CloseBrace();
            return;
        }

        string value = emission.NewLocal("value");
        writer.WriteLine($"if ({member} is {{ }} {value})");
        writer.OpenBrace();
        bool hasChecks = WriteValueChecks(emission, writer, property.Type, property.Constraints, value, property.JsonName, null, validateNested: true);
        if (!hasChecks) writer.Rewind(blockStart);
        // A C# `required` member can still be set to null; for a required, non-nullable property that is a violation.
        bool checkNull = mustBePresent && !IsValueKind(property.Type.Kind);
        if (!hasChecks && !checkNull) return;
        if (hasChecks)
        {
            writer.CloseBrace();
            if (checkNull)
            {
                writer.WriteLine("else");
                writer.OpenBrace();
                AddError(writer, property.JsonName, "required", "is required");
                writer.CloseBrace();
            }
        }
        else
        {
            writer.WriteLine($"if ({member} is null)");
            writer.OpenBrace();
            AddError(writer, property.JsonName, "required", "is required");
            writer.CloseBrace();
        }
    }

    /// <summary>C# maps value kinds to <c>T?</c> unless the property is required and not nullable.</summary>
    private static bool IsNonNullableValue(PropertyModel property) =>
        IsValueKind(property.Type.Kind) && property.IsRequired && !property.IsNullable;

    private static bool IsValueKind(TypeKind kind) => kind switch
    {
        TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal
            or TypeKind.DateTime or TypeKind.Date or TypeKind.Uuid or TypeKind.Enum or TypeKind.Any => true,
        TypeKind.Time or TypeKind.Duration => true,
        _ => false,
    };

    /// <summary>The C# expression "this property holds a value".</summary>
    private static string PresentExpression(PropertyModel property)
    {
        string member = "this." + property.Name;
        if (property.Type.Kind == TypeKind.Any && !(property.IsNullable || !property.IsRequired))
        {
            return member + ".ValueKind != global::System.Text.Json.JsonValueKind.Undefined";
        }
        return IsNonNullableValue(property) ? "true" : member + " is not null";
    }

    /// <summary>The C# type the record emitter uses for <paramref name="type"/> (needed to name dictionary types).</summary>
    private static string CSharpType(Emission emission, TypeRef type, bool nullable)
    {
        string name = type.Kind switch
        {
            // The record emitter keeps binary values as strings.
            TypeKind.String or TypeKind.Binary => "string",
            TypeKind.Time => "global::System.TimeOnly",
            TypeKind.Duration => "global::System.TimeSpan",
            TypeKind.Boolean => "bool",
            TypeKind.Int32 => "int",
            TypeKind.Int64 => "long",
            TypeKind.Double => "double",
            TypeKind.Float => "float",
            TypeKind.Decimal => "decimal",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.Date => "global::System.DateOnly",
            TypeKind.Uuid => "global::System.Guid",
            TypeKind.Uri => "global::System.Uri",
            TypeKind.Base64 => "byte[]",
            TypeKind.Model or TypeKind.Enum => emission.Qualified(type.Name ?? "object"),
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + CSharpType(emission, type.Item ?? new TypeRef(TypeKind.Any), type.ItemNullable) + ">",
            TypeKind.Dictionary => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + CSharpType(emission, type.Item ?? new TypeRef(TypeKind.Any), type.ItemNullable) + ">",
            _ => "global::System.Text.Json.JsonElement",
        };
        return nullable ? name + "?" : name;
    }

    private static void AddError(SourceWriter writer, string? jsonName, string rule, string message)
    {
        writer.WriteLine(jsonName is null
            ? "context.AddError(" + Literal(rule) + ", " + Literal(message) + ");"
            : "context.AddError(" + Literal(jsonName) + ", " + Literal(rule) + ", " + Literal(message) + ");");
    }
}
