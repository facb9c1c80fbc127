using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

internal static partial class ValidatorEmitter
{
    /// <summary>A C# string literal for any text (escapes quotes, backslashes, control and line-separator chars).</summary>
    internal static string Literal(string text)
    {
        if (IsPlain(text, 0, text.Length)) return "\"" + text + "\"";
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }

    private static bool IsPlain(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c < ' ' || c > '~' || c == '"' || c == '\\') return false;
        }
        return true;
    }

    /// <summary>Text shown in a message for a string value from the spec.</summary>
    private static string Quote(string text) => "\"" + text + "\"";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A C# numeric literal comparable with a value of <paramref name="kind"/>: integral bounds stay integral
    /// (exact for long), decimals get <c>m</c>, everything else is a double literal; null when the text is no number.
    /// </summary>
    private static string? NumberLiteral(string text, TypeKind kind)
    {
        text = text.Trim();
        if ((kind is TypeKind.Int32 or TypeKind.Int64) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integral))
        {
            // An int compares with an int literal; a bound outside int's range stays a long so it still compiles.
            return kind == TypeKind.Int32 && integral >= int.MinValue && integral <= int.MaxValue ? Long(integral) : Long(integral) + "L";
        }
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            if (kind is TypeKind.Decimal or TypeKind.Int32 or TypeKind.Int64) return Decimal(exact) + "m";
            return Decimal(exact) + "d";
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate) && !double.IsNaN(approximate) && !double.IsInfinity(approximate))
        {
            // Beyond decimal's range: compare as double (a decimal value can never reach it anyway).
            return kind == TypeKind.Decimal ? null : approximate.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
        return null;
    }

    /// <summary>
    /// <c>A or B</c> constant patterns for JSON literal <paramref name="values"/> against a value of <paramref name="type"/>;
    /// null when none of them can match the C# type (values of another JSON type are dropped).
    /// </summary>
    private static string? ConstantPatterns(Emission emission, TypeRef type, EquatableArray<string> values)
    {
        var patterns = new List<string>();
        foreach (var literal in values)
        {
            var pattern = ConstantPattern(emission, type, literal);
            if (pattern is not null && !patterns.Contains(pattern)) patterns.Add(pattern);
        }
        return patterns.Count == 0 ? null : string.Join(" or ", patterns);
    }

    private static string? ConstantPattern(Emission emission, TypeRef type, string literal)
    {
        literal = literal.Trim();
        if (literal.Length == 0 || literal == "null") return null;
        bool isString = literal[0] == '"';
        switch (type.Kind)
        {
            case TypeKind.String:
                return isString && JsonString(literal) is { } text ? Literal(text) : null;
            case TypeKind.Boolean:
                return literal is "true" or "false" ? literal : null;
            case TypeKind.Int32:
            case TypeKind.Int64:
                if (isString || !decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number)) return null;
                if (type.Kind == TypeKind.Int32 && (number < int.MinValue || number > int.MaxValue)) return null;
                if (number < long.MinValue || number > long.MaxValue) return null;
                return Decimal(number) + (type.Kind == TypeKind.Int64 ? "L" : string.Empty);
            case TypeKind.Double:
            case TypeKind.Float:
            case TypeKind.Decimal:
                if (isString) return null;
                var numeric = NumberLiteral(literal, type.Kind);
                if (numeric is null) return null;
                // float constants must be float literals to be valid patterns on a float value
                return type.Kind == TypeKind.Float ? numeric.TrimEnd('d', 'm') + "f" : numeric;
            case TypeKind.Enum:
                var model = emission.FindEnum(type.Name);
                if (model is null) return null;
                int index = EnumMemberIndex(model, literal);
                return index < 0 ? null : emission.Qualified(model.Name) + "." + model.Members[index].Name;
            default:
                return null;
        }
    }

    /// <summary>The first member of <paramref name="model"/> whose wire value the JSON <paramref name="literal"/> is, or -1.</summary>
    private static int EnumMemberIndex(EnumModel model, string literal)
    {
        literal = literal.Trim();
        if (literal.Length == 0 || literal == "null") return -1;
        bool isString = literal[0] == '"';
        if (model.IsString != isString) return -1;
        string wire = isString ? JsonString(literal) ?? string.Empty : literal;
        for (int i = 0; i < model.Members.Count; i++)
        {
            if (model.Members[i].Value == wire) return i;
        }
        return -1;
    }

    private static string? JsonString(string literal)
    {
        // A quoted run of plain ASCII (no escapes) is its own text; anything else goes through the JSON parser.
        if (literal.Length >= 2 && literal[0] == '"' && literal[literal.Length - 1] == '"' && IsPlain(literal, 1, literal.Length - 1))
        {
            return literal.Substring(1, literal.Length - 2);
        }
        try
        {
            using var document = JsonDocument.Parse(literal);
            return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
