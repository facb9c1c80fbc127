using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codegen.Generator.Naming;

/// <summary>
/// Turns spec names (JSON names, schema names, enum values) into valid C# identifiers: words are split on
/// anything that is not a letter or digit and on lower→upper case changes, then joined in Pascal or camel case.
/// </summary>
internal static class CSharpName
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        // contextual keywords that break code in some positions
        "var", "dynamic", "value", "async", "await", "nameof", "record", "required", "scoped", "file", "field",
    };

    /// <summary>A C# keyword (or a contextual keyword that breaks code in some positions), which needs <c>@</c>.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>Splits a name into words: <c>"open_api"</c> → [open, api]; <c>"startTime"</c> → [start, Time]; <c>"H.323"</c> → [H, 323].</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }
            if (current.Length > 0)
            {
                char previous = current[current.Length - 1];
                bool lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                // "HTTPServer" → HTTP, Server: an upper letter followed by a lower one starts a word after capitals.
                bool acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
                if (lowerToUpper || acronymEnd)
                {
                    Flush(words, current);
                }
            }
            current.Append(c);
        }
        Flush(words, current);
        return words;
    }

    /// <summary>PascalCase; digits joined to the previous word (<c>"H.323"</c> → <c>H323</c>). Empty when no letter or digit.</summary>
    public static string Pascal(string text)
    {
        // The words of Words(text), cased and joined in one buffer: this runs for every property of every schema.
        char[]? buffer = null;
        int length = 0;
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0) AppendWord(text, start, i, ref buffer, ref length);
                start = -1;
                continue;
            }
            if (start < 0)
            {
                start = i;
                continue;
            }
            char previous = text[i - 1];
            bool lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
            bool acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
            if (lowerToUpper || acronymEnd)
            {
                AppendWord(text, start, i, ref buffer, ref length);
                start = i;
            }
        }
        if (start >= 0) AppendWord(text, start, text.Length, ref buffer, ref length);
        return length == 0 ? string.Empty : new string(buffer!, 0, length);
    }

    // One word, text[start..end): first letter upper; the rest lower when the word is an acronym longer than two.
    private static void AppendWord(string text, int start, int end, ref char[]? buffer, ref int length)
    {
        buffer ??= new char[text.Length];
        buffer[length++] = char.ToUpperInvariant(text[start]);
        bool acronym = end - start > 2;
        for (int i = start; acronym && i < end; i++)
        {
            if (char.IsLower(text[i])) acronym = false;
        }
        for (int i = start + 1; i < end; i++)
        {
            buffer[length++] = acronym ? char.ToLowerInvariant(text[i]) : text[i];
        }
    }

    /// <summary>A Pascal-case type or member name that is always a valid identifier (digits first → <paramref name="digitPrefix"/>).</summary>
    public static string PascalIdentifier(string text, string digitPrefix, string fallback)
    {
        var name = Pascal(text);
        if (name.Length == 0) return fallback;
        if (char.IsDigit(name[0])) name = digitPrefix + name;
        return name;
    }

    /// <summary>A camelCase parameter name, escaped with <c>@</c> when it is a keyword.</summary>
    public static string CamelIdentifier(string text, string fallback)
    {
        var pascal = Pascal(text);
        if (pascal.Length == 0) return fallback;
        if (char.IsDigit(pascal[0])) pascal = "P" + pascal;
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>An enum member name derived from a wire value when the spec gives none.</summary>
    public static string EnumMember(string value, bool isInteger, string enumTypeName)
    {
        if (isInteger && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number < 0
                ? "Negative" + (-number).ToString(CultureInfo.InvariantCulture)
                : LastWord(enumTypeName) + number.ToString(CultureInfo.InvariantCulture);
        }
        var name = Pascal(value);
        if (name.Length == 0) return value.Length == 0 ? "Empty" : "Value";
        if (char.IsDigit(name[0])) name = LastWord(enumTypeName) + name;
        if (value.StartsWith("-", System.StringComparison.Ordinal)) name = "Negative" + name;
        return name;
    }

    private static string LastWord(string pascalName)
    {
        var words = Words(pascalName);
        return words.Count == 0 ? "N" : Pascal(words[words.Count - 1]);
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
