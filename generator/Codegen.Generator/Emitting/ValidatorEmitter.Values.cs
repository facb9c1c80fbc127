using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

internal static partial class ValidatorEmitter
{
    private const int MaxListedValues = 20;

    /// <summary>
    /// The checks of one non-null value held in local <paramref name="value"/>. Errors go to property
    /// <paramref name="jsonName"/> under the current path, or to the current path itself when it is null (array items).
    /// <paramref name="when"/> ends every message (" when type is 2") for conditional branches; nested models,
    /// enums and items are walked only when <paramref name="validateNested"/>.
    /// </summary>
    private static string ValueChecks(Emission emission, TypeRef type, ValueConstraints constraints, string value, string? jsonName, string? when, bool validateNested)
    {
        var writer = new SourceWriter();
        WriteValueChecks(emission, writer, type, constraints, value, jsonName, when, validateNested);
        return writer.FinishBlock();
    }

    /// <summary>Writes the checks of <see cref="ValueChecks"/> into <paramref name="writer"/>; false when there are none.</summary>
    private static bool WriteValueChecks(Emission emission, SourceWriter writer, TypeRef type, ValueConstraints constraints, string value, string? jsonName, string? when, bool validateNested)
    {
        int start = writer.Length;
        switch (type.Kind)
        {
            case TypeKind.String:
                StringChecks(emission, writer, constraints, value, jsonName, when);
                AllowedValueChecks(emission, writer, type, constraints, value, jsonName, when);
                break;
            case TypeKind.Int32:
            case TypeKind.Int64:
            case TypeKind.Double:
            case TypeKind.Float:
            case TypeKind.Decimal:
                NumberChecks(emission, writer, type.Kind, constraints, value, jsonName, when);
                AllowedValueChecks(emission, writer, type, constraints, value, jsonName, when);
                break;
            case TypeKind.Boolean:
                AllowedValueChecks(emission, writer, type, constraints, value, jsonName, when);
                break;
            case TypeKind.Enum:
                if (validateNested) EnumMembershipCheck(emission, writer, type, value, jsonName, when);
                // The enum schema's own `enum` list arrives as allowed values too; only a narrower list adds a check.
                if (!AllowsEveryMember(emission, type, constraints.AllowedValues))
                {
                    AllowedValueChecks(emission, writer, type, constraints, value, jsonName, when);
                }
                break;
            case TypeKind.Model:
                if (validateNested)
                {
                    if (jsonName is not null) writer.WriteLine("context.Enter(" + Literal(jsonName) + ");");
                    writer.WriteLine($"{value}.Validate(ref context);");
                    if (jsonName is not null) writer.WriteLine("context.Exit();");
                }
                break;
            case TypeKind.Array:
                ArrayChecks(emission, writer, type, constraints, value, jsonName, when, validateNested);
                break;
            case TypeKind.Dictionary:
                if (validateNested) DictionaryChecks(emission, writer, type, constraints, value, jsonName, when);
                break;
        }
        return writer.Length > start;
    }

    private static void StringChecks(Emission emission, SourceWriter writer, ValueConstraints constraints, string value, string? jsonName, string? when)
    {
        // JSON Schema counts code points: a surrogate pair is one character. Length (UTF-16 units) is an upper bound,
        // and at most twice the code point count, so the count is only walked when those bounds cannot decide.
        if (constraints.MinLength is > 0 and var minLength)
        {
            emission.SupportMethods.Add("CodePoints");
            string min = Int(minLength);
            Check(writer, value + ".Length < " + min + " || (" + value + ".Length < " + Int(minLength * 2L) + " && " + HelperClass + ".CodePoints(" + value + ") < " + min + ")",
                jsonName, "minLength", "must be at least " + min + (minLength == 1 ? " character long" : " characters long"), when);
        }
        if (constraints.MaxLength is >= 0 and var maxLength)
        {
            emission.SupportMethods.Add("CodePoints");
            string max = Int(maxLength);
            Check(writer, value + ".Length > " + max + " && " + HelperClass + ".CodePoints(" + value + ") > " + max,
                jsonName, "maxLength", "must be at most " + max + (maxLength == 1 ? " character long" : " characters long"), when);
        }
        if (constraints.Pattern is { } pattern)
        {
            bool? ecmaScript = Reading.ConstraintReader.PatternMode(pattern);
            if (ecmaScript is { } mode)
            {
                int index = emission.PatternIndex(pattern, mode);
                Check(writer, "!" + HelperClass + ".MatchesPattern" + Int(index) + "(" + value + ")", jsonName, "pattern", "must match the pattern " + pattern, when);
            }
            else
            {
                writer.WriteLine($"// pattern {Literal(pattern)} is not checked: .NET cannot compile it.");
            }
        }
        if (constraints.Format is { } format && FormatCheck(format) is { } method)
        {
            emission.SupportMethods.Add(method);
            if (method == "IsDateTime") emission.SupportMethods.Add("IsDate");
            Check(writer, "!" + HelperClass + "." + method + "(" + value + ")", jsonName, "format", "must be a valid " + format, when);
        }
    }

    /// <summary>The support method checking a string <c>format</c>, or null for formats that are annotations only.</summary>
    private static string? FormatCheck(string format) => format switch
    {
        "date-time" => "IsDateTime",
        "date" => "IsDate",
        "email" => "IsEmail",
        "uri" => "IsUri",
        "uuid" => "IsUuid",
        _ => null,
    };

    private static void NumberChecks(Emission emission, SourceWriter writer, TypeKind kind, ValueConstraints constraints, string value, string? jsonName, string? when)
    {
        if (constraints.Minimum is { } minimum && NumberLiteral(minimum, kind) is { } min)
        {
            Check(writer, IntBoundOutcome(kind, minimum, lower: true), value + (constraints.ExclusiveMinimum ? " <= " : " < ") + min, jsonName,
                constraints.ExclusiveMinimum ? "exclusiveMinimum" : "minimum",
                (constraints.ExclusiveMinimum ? "must be greater than " : "must be at least ") + minimum, when);
        }
        if (constraints.Maximum is { } maximum && NumberLiteral(maximum, kind) is { } max)
        {
            Check(writer, IntBoundOutcome(kind, maximum, lower: false), value + (constraints.ExclusiveMaximum ? " >= " : " > ") + max, jsonName,
                constraints.ExclusiveMaximum ? "exclusiveMaximum" : "maximum",
                (constraints.ExclusiveMaximum ? "must be less than " : "must be at most ") + maximum, when);
        }
        if (constraints.MultipleOf is { } multipleOf
            && decimal.TryParse(multipleOf, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0)
        {
            string condition;
            bool integralFactor = factor == decimal.Truncate(factor);
            if ((kind is TypeKind.Int32 or TypeKind.Int64) && integralFactor && factor <= long.MaxValue)
            {
                condition = value + " % " + Long((long)factor) + (kind == TypeKind.Int64 ? "L" : string.Empty) + " != 0";
            }
            else if (kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal)
            {
                condition = (kind == TypeKind.Decimal ? value : "(decimal)" + value) + " % " + Decimal(factor) + "m != 0m";
            }
            else
            {
                emission.SupportMethods.Add("IsMultipleOf");
                condition = "!" + HelperClass + ".IsMultipleOf(" + value + ", " + Decimal(factor) + "d)";
            }
            Check(writer, condition, jsonName, "multipleOf", "must be a multiple of " + multipleOf, when);
        }
    }

    /// <summary>
    /// An int compared with a bound outside int's range has a constant outcome (and the compiler warns, CS0652), so it is
    /// decided here: <see langword="false"/> = never violated (skip), <see langword="true"/> = always violated,
    /// <see langword="null"/> = compare at run time.
    /// </summary>
    private static bool? IntBoundOutcome(TypeKind kind, string bound, bool lower)
    {
        if (kind != TypeKind.Int32 || !long.TryParse(bound.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return null;
        if (value >= int.MinValue && value <= int.MaxValue) return null;
        bool aboveRange = value > int.MaxValue;
        return lower ? aboveRange : !aboveRange;
    }

    private static void ArrayChecks(Emission emission, SourceWriter writer, TypeRef type, ValueConstraints constraints, string value, string? jsonName, string? when, bool validateNested)
    {
        if (constraints.MinItems is > 0 and var minItems)
        {
            Check(writer, value + ".Count < " + Int(minItems), jsonName, "minItems", "must have at least " + Int(minItems) + (minItems == 1 ? " item" : " items"), when);
        }
        if (constraints.MaxItems is >= 0 and var maxItems)
        {
            Check(writer, value + ".Count > " + Int(maxItems), jsonName, "maxItems", "must have at most " + Int(maxItems) + (maxItems == 1 ? " item" : " items"), when);
        }
        var itemType = type.Item ?? new TypeRef(TypeKind.Any);
        if (constraints.UniqueItems)
        {
            // JsonElement has no value equality of its own; everything else compares with EqualityComparer<T>.Default.
            string method = itemType.Kind == TypeKind.Any && !type.ItemNullable ? "HasDuplicateElements" : "HasDuplicates";
            emission.SupportMethods.Add(method);
            Check(writer, HelperClass + "." + method + "(" + value + ")", jsonName, "uniqueItems", "must not contain duplicate items", when);
        }

        string item = emission.NewLocal("item");
        string index = emission.NewLocal("i");
        // The loop is written first and dropped again when the items have nothing to check.
        var loopStart = writer.Position;
        if (jsonName is not null) writer.WriteLine("context.Enter(" + Literal(jsonName) + ");");
        writer.WriteLine($"for (int {index} = 0; {index} < {value}.Count; {index}++)");
        writer.OpenBrace();
        bool itemMaybeNull = type.ItemNullable || !IsValueKind(itemType.Kind);
        if (itemMaybeNull && itemType.Kind != TypeKind.Any)
        {
            writer.WriteLine($"if ({value}[{index}] is not {{ }} {item}) continue;");
        }
        else
        {
            writer.WriteLine($"var {item} = {value}[{index}];");
        }
        writer.WriteLine($"context.EnterIndex({index});");
        if (!WriteValueChecks(emission, writer, itemType, constraints.Items ?? ValueConstraints.None, item, null, when, validateNested))
        {
            writer.Rewind(loopStart);
            return;
        }
        writer.WriteLine("context.Exit();");
        writer.CloseBrace();
        if (jsonName is not null) writer.WriteLine("context.Exit();");
    }

    // Entries are walked through the concrete Dictionary's struct enumerator when possible, so no enumerator is boxed.
    private static void DictionaryChecks(Emission emission, SourceWriter writer, TypeRef type, ValueConstraints constraints, string value, string? jsonName, string? when)
    {
        var itemType = type.Item ?? new TypeRef(TypeKind.Any);
        string entry = emission.NewLocal("entry");
        string item = emission.NewLocal("item");
        var itemChecks = ValueChecks(emission, itemType, constraints.Items ?? ValueConstraints.None, item, null, when, validateNested: true);
        if (itemChecks.Length == 0) return;

        string itemTypeName = CSharpType(emission, itemType, type.ItemNullable);
        string concrete = emission.NewLocal("dictionary");
        bool itemMaybeNull = type.ItemNullable || !IsValueKind(itemType.Kind);
        var loopBody = new SourceWriter();
        if (itemMaybeNull && itemType.Kind != TypeKind.Any)
        {
            loopBody.WriteLine($"if ({entry}.Value is not {{ }} {item}) continue;");
        }
        else
        {
            loopBody.WriteLine($"var {item} = {entry}.Value;");
        }
        loopBody.WriteLine($"context.Enter({entry}.Key);");
        loopBody.WriteLine(itemChecks);
        loopBody.WriteLine("context.Exit();");
        string body = loopBody.FinishBlock();

        if (jsonName is not null) writer.WriteLine("context.Enter(" + Literal(jsonName) + ");");
        writer.WriteLine($"if ({value} is global::System.Collections.Generic.Dictionary<string, {itemTypeName}> {concrete})");
        writer.OpenBrace();
        writer.WriteLine($"foreach (var {entry} in {concrete})");
        writer.OpenBrace();
        writer.WriteLine(body);
        writer.CloseBrace();
        writer.CloseBrace();
        writer.WriteLine("else");
        writer.OpenBrace();
        writer.WriteLine($"foreach (var {entry} in {value})");
        writer.OpenBrace();
        writer.WriteLine(body);
        writer.CloseBrace();
        writer.CloseBrace();
        if (jsonName is not null) writer.WriteLine("context.Exit();");
    }

    private static void EnumMembershipCheck(Emission emission, SourceWriter writer, TypeRef type, string value, string? jsonName, string? when)
    {
        var model = emission.FindEnum(type.Name);
        if (model is null || model.Members.IsEmpty)
        {
            writer.WriteLine($"// {(type.Name ?? "enum")}: members unknown here, membership not checked.");
            return;
        }
        string message;
        if (model.Members.Count <= MaxListedValues)
        {
            var shown = new string[model.Members.Count];
            for (int i = 0; i < shown.Length; i++) shown[i] = model.IsString ? Quote(model.Members[i].Value) : model.Members[i].Value;
            message = OneOfMessage(shown);
        }
        else
        {
            message = ManyValuesMessage(model.Members.Count);
        }
        // Enums can have hundreds of members: the pattern is written member by member, never built as one string.
        var typeName = emission.Qualified(model.Name);
        writer.Write($"if ({value} is not (");
        for (int i = 0; i < model.Members.Count; i++)
        {
            writer.Write($"{(i == 0 ? "" : " or ")}{typeName}.{model.Members[i].Name}");
        }
        writer.WriteLine("))");
        CheckBody(writer, jsonName, "enum", message, when);
    }

    private static void AllowedValueChecks(Emission emission, SourceWriter writer, TypeRef type, ValueConstraints constraints, string value, string? jsonName, string? when)
    {
        if (constraints.AllowedValues.IsEmpty) return;
        var patterns = ConstantPatterns(emission, type, constraints.AllowedValues);
        if (patterns is null)
        {
            writer.WriteLine("// enum/const values do not fit the C# type; not checked.");
            return;
        }
        // Both booleans allowed restricts nothing (and the compiler would flag the pattern as always false).
        if (type.Kind == TypeKind.Boolean && patterns.Contains("true") && patterns.Contains("false")) return;
        var shown = new string[constraints.AllowedValues.Count];
        for (int i = 0; i < shown.Length; i++) shown[i] = constraints.AllowedValues[i];
        bool single = shown.Length == 1;
        Check(writer, value + " is not (" + patterns + ")", jsonName, single ? "const" : "enum",
            single ? "must be " + shown[0] : OneOfMessage(shown), when);
    }

    private static bool AllowsEveryMember(Emission emission, TypeRef type, EquatableArray<string> allowed)
    {
        if (allowed.IsEmpty) return true;
        var model = emission.FindEnum(type.Name);
        if (model is null) return true;
        // Each literal marks the member its constant pattern would name, once (not once per member: large enums
        // list hundreds of values), without building the pattern text.
        var listed = new bool[model.Members.Count];
        foreach (var literal in allowed)
        {
            int index = EnumMemberIndex(model, literal);
            if (index >= 0) listed[index] = true;
        }
        return Array.IndexOf(listed, false) < 0;
    }

    private static string OneOfMessage(string[] shown) =>
        shown.Length <= MaxListedValues ? "must be one of " + string.Join(", ", shown) : ManyValuesMessage(shown.Length);

    private static string ManyValuesMessage(int count) => "must be one of the " + Int(count) + " values the schema lists";

    private static void Check(SourceWriter writer, bool? outcome, string condition, string? jsonName, string rule, string message, string? when)
    {
        if (outcome == false) return;
        if (outcome == true)
        {
            AddError(writer, jsonName, rule, when is null ? message : message + " " + when);
            return;
        }
        Check(writer, condition, jsonName, rule, message, when);
    }

    private static void Check(SourceWriter writer, string condition, string? jsonName, string rule, string message, string? when)
    {
        writer.WriteLine($"if ({condition})");
        CheckBody(writer, jsonName, rule, message, when);
    }

    /// <summary>The block under a check's condition: the error it adds.</summary>
    private static void CheckBody(SourceWriter writer, string? jsonName, string rule, string message, string? when)
    {
        writer.OpenBrace();
        AddError(writer, jsonName, rule, when is null ? message : message + " " + when);
        writer.CloseBrace();
    }
}
