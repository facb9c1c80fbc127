using System.Collections.Generic;
using Codegen.Generator.Model;

namespace Codegen.Generator.Emitting;

internal static partial class ValidatorEmitter
{
    private static void EmitRule(Emission emission, ObjectRule rule)
    {
        switch (rule)
        {
            case NotAllPresentRule notAll:
                EmitNotAllPresent(emission, notAll);
                break;
            case DependentRequiredRule dependent:
                EmitDependentRequired(emission, dependent);
                break;
            case ConditionalRule conditional:
                EmitConditional(emission, conditional);
                break;
        }
    }

    // "Present" means non-null: for our records an absent property and a null one are the same.
    private static void EmitNotAllPresent(Emission emission, NotAllPresentRule rule)
    {
        var properties = new List<PropertyModel>();
        foreach (var name in rule.JsonNames)
        {
            if (!emission.PropertiesByJsonName.TryGetValue(name, out var property))
            {
                emission.Writer.WriteLine($"// not/required {Literal(name)}: no such property, so the rule always holds.");
                return;
            }
            properties.Add(property);
        }
        var writer = emission.Writer;
        var conditions = new string[properties.Count];
        for (int i = 0; i < conditions.Length; i++) conditions[i] = PresentExpression(properties[i]);
        writer.WriteLine($"if ({string.Join(" && ", conditions)})");
        writer.OpenBrace();
        if (properties.Count == 1)
        {
            AddError(writer, properties[0].JsonName, "not", "must not be set");
        }
        else
        {
            string names = JoinNames(rule.JsonNames);
            AddError(writer, null, "not", names + (properties.Count == 2 ? " cannot both be set" : " cannot all be set"));
        }
        writer.CloseBrace();
    }

    private static void EmitDependentRequired(Emission emission, DependentRequiredRule rule)
    {
        var writer = emission.Writer;
        if (!emission.PropertiesByJsonName.TryGetValue(rule.JsonName, out var trigger))
        {
            writer.WriteLine($"// dependentRequired {Literal(rule.JsonName)}: no such property, so the rule never applies.");
            return;
        }
        var body = new SourceWriter();
        foreach (var name in rule.Requires)
        {
            RequiredCheck(emission, body, name, "dependentRequired", "is required when " + rule.JsonName + " is set");
        }
        var text = body.FinishBlock();
        if (text.Length == 0) return;
        writer.WriteLine($"if ({PresentExpression(trigger)})");
        writer.OpenBrace();
        writer.WriteLine(text);
        writer.CloseBrace();
    }

    private static void EmitConditional(Emission emission, ConditionalRule rule)
    {
        var writer = emission.Writer;
        if (!emission.PropertiesByJsonName.TryGetValue(rule.If.JsonName, out var subject))
        {
            writer.WriteLine($"// if/then/else on {Literal(rule.If.JsonName)}: no such property, not checked.");
            return;
        }

        // JSON Schema: without `required` in the `if`, an absent property passes the `if` (vacuously true).
        string member = "this." + subject.Name;
        string? patterns = ConstantPatterns(emission, subject.Type, rule.If.Values);
        string matches = patterns is null ? "false" : member + " is " + patterns;
        string condition = IsNonNullableValue(subject) || rule.If.RequirePresent ? matches : "(" + member + " is null || " + matches + ")";

        string shownValues = rule.If.Values.Count == 1 ? rule.If.Values[0] : "one of " + string.Join(", ", rule.If.Values);
        string whenThen = "when " + rule.If.JsonName + " is " + shownValues;
        string whenElse = "when " + rule.If.JsonName + " is not " + shownValues;
        string thenCode = Branch(emission, rule.Then, whenThen);
        string elseCode = rule.Else is null ? string.Empty : Branch(emission, rule.Else, whenElse);
        if (thenCode.Length == 0 && elseCode.Length == 0) return;

        if (thenCode.Length > 0)
        {
            writer.WriteLine($"if ({condition})");
            writer.OpenBrace();
            writer.WriteLine(thenCode);
            writer.CloseBrace();
            if (elseCode.Length > 0)
            {
                writer.WriteLine("else");
                writer.OpenBrace();
                writer.WriteLine(elseCode);
                writer.CloseBrace();
            }
        }
        else
        {
            writer.WriteLine($"if (!({condition}))");
            writer.OpenBrace();
            writer.WriteLine(elseCode);
            writer.CloseBrace();
        }
    }

    private static string Branch(Emission emission, RuleSet branch, string when)
    {
        var writer = new SourceWriter();
        foreach (var name in branch.Required)
        {
            RequiredCheck(emission, writer, name, "required", "is required " + when);
        }
        foreach (var constraint in branch.Properties)
        {
            if (!emission.PropertiesByJsonName.TryGetValue(constraint.JsonName, out var property) || property.Type.Kind == TypeKind.Any) continue;
            string local = emission.NewLocal("value");
            var checks = ValueChecks(emission, property.Type, constraint.Constraints, local, property.JsonName, when, validateNested: false);
            if (checks.Length == 0) continue;
            if (IsNonNullableValue(property))
            {
                writer.OpenBrace();
                writer.WriteLine($"var {local} = this.{property.Name};");
            }
            else
            {
                writer.WriteLine($"if (this.{property.Name} is {{ }} {local})");
                writer.OpenBrace();
            }
            writer.WriteLine(checks);
            writer.CloseBrace();
        }
        return writer.FinishBlock();
    }

    private static void RequiredCheck(Emission emission, SourceWriter writer, string jsonName, string rule, string message)
    {
        if (!emission.PropertiesByJsonName.TryGetValue(jsonName, out var property))
        {
            // The record has no such member, so the value can never be there.
            AddError(writer, jsonName, rule, message);
            return;
        }
        string present = PresentExpression(property);
        if (present == "true") return;
        writer.WriteLine($"if ({MissingExpression(present)})");
        writer.OpenBrace();
        AddError(writer, jsonName, rule, message);
        writer.CloseBrace();
    }

    /// <summary>The negation of a <see cref="PresentExpression"/>, written the way a person would.</summary>
    private static string MissingExpression(string present) =>
        present.EndsWith(" is not null", System.StringComparison.Ordinal)
            ? present.Substring(0, present.Length - " is not null".Length) + " is null"
            : "!(" + present + ")";

    private static string JoinNames(EquatableArray<string> names)
    {
        if (names.Count == 1) return names[0];
        var head = new string[names.Count - 1];
        for (int i = 0; i < head.Length; i++) head[i] = names[i];
        return string.Join(", ", head) + " and " + names[names.Count - 1];
    }
}
