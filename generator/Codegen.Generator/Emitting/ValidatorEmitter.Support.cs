using System.Globalization;

namespace Codegen.Generator.Emitting;

internal static partial class ValidatorEmitter
{
    // Helpers are emitted into each record (only those it uses) so every generated file stands alone. A nested
    // class keeps regex construction off the record's own type initializer: a pattern is built on first use.
    private static void EmitSupport(SourceWriter writer, Emission emission)
    {
        if (emission.Patterns.Count == 0 && emission.SupportMethods.Count == 0) return;
        writer.WriteLine();
        writer.WriteLine($"private static class {HelperClass}");
        writer.OpenBrace();
        bool first = true;
        for (int i = 0; i < emission.Patterns.Count; i++)
        {
            if (!first) writer.WriteLine();
            first = false;
            var (pattern, ecmaScript) = emission.Patterns[i];
            string index = i.ToString(CultureInfo.InvariantCulture);
            string options = ecmaScript
                ? "global::System.Text.RegularExpressions.RegexOptions.ECMAScript | global::System.Text.RegularExpressions.RegexOptions.CultureInvariant"
                : "global::System.Text.RegularExpressions.RegexOptions.CultureInvariant";
            writer.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex Pattern{index} = new({Literal(pattern)}, {options}, global::System.TimeSpan.FromSeconds(1));");
            writer.WriteLine();
            writer.WriteLine("// A pattern that takes too long on some input counts as not matched rather than stalling the caller.");
            writer.WriteLine($"public static bool MatchesPattern{index}(string value)");
            writer.OpenBrace();
            writer.WriteLine("try");
            writer.OpenBrace();
            writer.WriteLine($"return Pattern{index}.IsMatch(value);");
            writer.CloseBrace();
            writer.WriteLine("catch (global::System.Text.RegularExpressions.RegexMatchTimeoutException)");
            writer.OpenBrace();
            writer.WriteLine("return false;");
            writer.CloseBrace();
            writer.CloseBrace();
        }
        foreach (var method in new[] { "CodePoints", "IsMultipleOf", "HasDuplicates", "HasDuplicateElements", "IsDateTime", "IsDate", "IsEmail", "IsUri", "IsUuid" })
        {
            if (emission.SupportMethods.Contains(method))
            {
                if (!first) writer.WriteLine();
                first = false;
                writer.WriteLine(SupportMethod(method));
            }
        }
        writer.CloseBrace();
    }

    private static string SupportMethod(string name) => name switch
    {
        "CodePoints" => """
            // JSON Schema lengths count code points: a surrogate pair is one character.
            public static int CodePoints(string value)
            {
                int count = value.Length;
                for (int i = 0; i + 1 < value.Length; i++)
                {
                    if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
                    {
                        count--;
                        i++;
                    }
                }
                return count;
            }
            """,
        "IsMultipleOf" => """
            public static bool IsMultipleOf(double value, double factor)
            {
                if (double.IsNaN(value) || double.IsInfinity(value)) return false;
                double quotient = value / factor;
                return global::System.Math.Abs(quotient - global::System.Math.Round(quotient)) <= 1e-9 * global::System.Math.Max(1d, global::System.Math.Abs(quotient));
            }
            """,
        "HasDuplicates" => """
            public static bool HasDuplicates<T>(global::System.Collections.Generic.IReadOnlyList<T> items)
            {
                var comparer = global::System.Collections.Generic.EqualityComparer<T>.Default;
                for (int i = 1; i < items.Count; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (comparer.Equals(items[i], items[j])) return true;
                    }
                }
                return false;
            }
            """,
        "HasDuplicateElements" => """
            public static bool HasDuplicateElements(global::System.Collections.Generic.IReadOnlyList<global::System.Text.Json.JsonElement> items)
            {
                for (int i = 1; i < items.Count; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (global::System.Text.Json.JsonElement.DeepEquals(items[i], items[j])) return true;
                    }
                }
                return false;
            }
            """,
        "IsDateTime" => """
            // RFC 3339 date-time: full-date "T" partial-time time-offset, e.g. 2017-11-25T12:00:00Z.
            public static bool IsDateTime(string value)
            {
                if (value.Length < 20 || (value[10] != 'T' && value[10] != 't' && value[10] != ' ')) return false;
                if (!IsDate(global::System.MemoryExtensions.AsSpan(value, 0, 10))) return false;
                var rest = global::System.MemoryExtensions.AsSpan(value, 11);
                if (!TwoDigits(rest, 0, 23) || rest[2] != ':' || !TwoDigits(rest.Slice(3), 0, 59) || rest[5] != ':' || !TwoDigits(rest.Slice(6), 0, 60)) return false;
                rest = rest.Slice(8);
                if (rest.Length > 0 && rest[0] == '.')
                {
                    int digits = 1;
                    while (digits < rest.Length && rest[digits] >= '0' && rest[digits] <= '9') digits++;
                    if (digits == 1) return false;
                    rest = rest.Slice(digits);
                }
                if (rest.Length == 1) return rest[0] == 'Z' || rest[0] == 'z';
                return rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && TwoDigits(rest.Slice(1), 0, 23) && rest[3] == ':' && TwoDigits(rest.Slice(4), 0, 59);
            }

            private static bool TwoDigits(global::System.ReadOnlySpan<char> text, int min, int max)
            {
                if (text.Length < 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') return false;
                int number = ((text[0] - '0') * 10) + (text[1] - '0');
                return number >= min && number <= max;
            }
            """,
        "IsDate" => """
            // RFC 3339 full-date, e.g. 2024-02-29 (checked against the calendar).
            public static bool IsDate(string value) => IsDate(global::System.MemoryExtensions.AsSpan(value));

            public static bool IsDate(global::System.ReadOnlySpan<char> value) =>
                value.Length == 10 && value[4] == '-' && value[7] == '-'
                && global::System.DateOnly.TryParseExact(value, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out _);
            """,
        "IsEmail" => """
            // A pragmatic check (one '@', text on both sides, a dotless-or-dotted domain, no spaces), not full RFC 5321.
            public static bool IsEmail(string value)
            {
                int at = value.IndexOf('@');
                if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) return false;
                foreach (char c in value)
                {
                    if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
                }
                return value[at + 1] != '.' && value[value.Length - 1] != '.';
            }
            """,
        "IsUri" => """
            // An absolute URI (RFC 3986): a scheme, ':', and no whitespace; checked without allocating a Uri.
            public static bool IsUri(string value)
            {
                int colon = value.IndexOf(':');
                if (colon <= 0 || !char.IsAsciiLetter(value[0])) return false;
                for (int i = 1; i < colon; i++)
                {
                    char c = value[i];
                    if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.') return false;
                }
                foreach (char c in value)
                {
                    if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '<' || c == '>' || c == '"') return false;
                }
                return colon < value.Length - 1;
            }
            """,
        "IsUuid" => """
            public static bool IsUuid(string value) => value.Length == 36 && global::System.Guid.TryParseExact(value, "D", out _);
            """,
        _ => string.Empty,
    };
}
