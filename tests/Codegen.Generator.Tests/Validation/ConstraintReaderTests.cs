using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

public sealed class ConstraintReaderTests
{
    private static (OpenApiDocument Document, SourceMap Map) Parse(string yaml)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var result = OpenApiDocument.Parse(yaml, "yaml", settings);
        Assert.NotNull(result.Document);
        return (result.Document!, SourceMap.Build("spec.yaml", yaml));
    }

    private static IOpenApiSchema Schema(OpenApiDocument document, string name) => document.Components!.Schemas![name];

    private static IOpenApiSchema Property(OpenApiDocument document, string schema, string property) => Schema(document, schema).Properties![property];

    private const string Spec30 = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                name: {type: string, minLength: 2, maxLength: 10, pattern: '^[a-z]+$', format: email}
                count: {type: integer, minimum: 1, maximum: 60, exclusiveMaximum: true, multipleOf: 5}
                ratio: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}
                tags:
                  type: array
                  minItems: 1
                  maxItems: 3
                  uniqueItems: true
                  items: {type: string, maxLength: 5, enum: [a, b]}
                color: {type: string, enum: [red, green]}
                level: {type: integer, enum: [1, 2]}
        """;

    private const string Spec31 = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Recurrence:
              type: object
              required: [type]
              properties:
                type: {type: integer, enum: [1, 2, 3]}
                repeat_interval: {type: integer, exclusiveMinimum: 0, exclusiveMaximum: 100}
                weekly_days: {type: string}
                monthly_week: {type: integer}
                monthly_week_day: {type: integer}
                end_times: {type: integer, maximum: 60}
                end_date_time: {type: string, format: date-time}
                kind: {type: string, const: weekly}
                on: {type: boolean, const: true}
              not:
                required: [end_times, end_date_time]
              dependentRequired:
                monthly_week: [monthly_week_day]
              if:
                properties:
                  type: {const: 2}
                required: [type]
              then:
                required: [weekly_days]
                properties:
                  weekly_days: {pattern: '^[1-7](,[1-7])*$'}
              else:
                properties:
                  repeat_interval: {maximum: 10}
              allOf:
                - if:
                    properties:
                      kind: {enum: [daily, weekly]}
                  then:
                    properties:
                      repeat_interval: {maximum: 99}
            Odd:
              type: object
              properties:
                a: {type: string}
                b: {type: string}
              if:
                properties:
                  a: {minLength: 3}
              then:
                required: [b]
              not:
                properties:
                  a: {const: x}
              oneOf:
                - required: [a]
                - required: [b]
        """;

    [Fact]
    public void StringKeywordsAreRead()
    {
        var (document, _) = Parse(Spec30);
        var c = ConstraintReader.ReadValue(Property(document, "A", "name"));
        Assert.Equal((2, 10, "^[a-z]+$", "email"), (c.MinLength, c.MaxLength, c.Pattern, c.Format));
    }

    [Fact]
    public void OpenApi30BooleanExclusiveBoundsBecomeExclusiveFlags()
    {
        var (document, _) = Parse(Spec30);
        var count = ConstraintReader.ReadValue(Property(document, "A", "count"));
        Assert.Equal(("1", false, "60", true, "5"), (count.Minimum, count.ExclusiveMinimum, count.Maximum, count.ExclusiveMaximum, count.MultipleOf));
        var ratio = ConstraintReader.ReadValue(Property(document, "A", "ratio"));
        Assert.Equal(("0", true, "1", false), (ratio.Minimum, ratio.ExclusiveMinimum, ratio.Maximum, ratio.ExclusiveMaximum));
    }

    [Fact]
    public void OpenApi31NumericExclusiveBoundsBecomeExclusiveFlags()
    {
        var (document, _) = Parse(Spec31);
        var c = ConstraintReader.ReadValue(Property(document, "Recurrence", "repeat_interval"));
        Assert.Equal(("0", true, "100", true), (c.Minimum, c.ExclusiveMinimum, c.Maximum, c.ExclusiveMaximum));
        var end = ConstraintReader.ReadValue(Property(document, "Recurrence", "end_times"));
        Assert.Equal(("60", false), (end.Maximum, end.ExclusiveMaximum));
    }

    [Fact]
    public void ArrayKeywordsAndItemConstraintsAreRead()
    {
        var (document, _) = Parse(Spec30);
        var c = ConstraintReader.ReadValue(Property(document, "A", "tags"));
        Assert.Equal((1, 3, true), (c.MinItems, c.MaxItems, c.UniqueItems));
        Assert.NotNull(c.Items);
        Assert.Equal(5, c.Items!.MaxLength);
        Assert.Equal(new[] { "\"a\"", "\"b\"" }, c.Items.AllowedValues.ToArray());
    }

    [Fact]
    public void EnumAndConstOnPlainValuesBecomeJsonLiterals()
    {
        var (document30, _) = Parse(Spec30);
        Assert.Equal(new[] { "\"red\"", "\"green\"" }, ConstraintReader.ReadValue(Property(document30, "A", "color")).AllowedValues.ToArray());
        Assert.Equal(new[] { "1", "2" }, ConstraintReader.ReadValue(Property(document30, "A", "level")).AllowedValues.ToArray());
        var (document31, _) = Parse(Spec31);
        Assert.Equal(new[] { "\"weekly\"" }, ConstraintReader.ReadValue(Property(document31, "Recurrence", "kind")).AllowedValues.ToArray());
        Assert.Equal(new[] { "true" }, ConstraintReader.ReadValue(Property(document31, "Recurrence", "on")).AllowedValues.ToArray());
    }

    [Fact]
    public void ASchemaWithoutConstraintsReadsAsNone()
    {
        var (document, _) = Parse(Spec31);
        Assert.Equal(ValueConstraints.None, ConstraintReader.ReadValue(Property(document, "Recurrence", "weekly_days")));
    }

    [Fact]
    public void CrossFieldRulesOfOpenApi31AreRead()
    {
        var (document, map) = Parse(Spec31);
        var diagnostics = new List<DiagnosticInfo>();
        var rules = ConstraintReader.ReadObjectRules(Schema(document, "Recurrence"), "/components/schemas/Recurrence", diagnostics, map);
        Assert.Empty(diagnostics);

        var not = Assert.IsType<NotAllPresentRule>(rules[0]);
        Assert.Equal(new[] { "end_times", "end_date_time" }, not.JsonNames.ToArray());
        Assert.Equal("/components/schemas/Recurrence/not", not.Pointer);

        var dependent = Assert.IsType<DependentRequiredRule>(rules[1]);
        Assert.Equal("monthly_week", dependent.JsonName);
        Assert.Equal(new[] { "monthly_week_day" }, dependent.Requires.ToArray());

        var conditional = Assert.IsType<ConditionalRule>(rules[2]);
        Assert.Equal(new RuleCondition("type", new EquatableArray<string>(new[] { "2" }), true), conditional.If);
        Assert.Equal(new[] { "weekly_days" }, conditional.Then.Required.ToArray());
        Assert.Equal(new PropertyConstraint("weekly_days", new ValueConstraints(Pattern: "^[1-7](,[1-7])*$")), Assert.Single(conditional.Then.Properties));
        Assert.Equal(new PropertyConstraint("repeat_interval", new ValueConstraints(Maximum: "10")), Assert.Single(conditional.Else!.Properties));

        var nested = Assert.IsType<ConditionalRule>(rules[3]);
        Assert.Equal("/components/schemas/Recurrence/allOf/0/if", nested.Pointer);
        Assert.Equal(new RuleCondition("kind", new EquatableArray<string>(new[] { "\"daily\"", "\"weekly\"" }), false), nested.If);
        Assert.Null(nested.Else);
        Assert.Equal(4, rules.Count);
    }

    [Fact]
    public void UnsupportedConditionalsGiveLocatedWarningsAndTheRestStillReads()
    {
        var (document, map) = Parse(Spec31);
        var diagnostics = new List<DiagnosticInfo>();
        var rules = ConstraintReader.ReadObjectRules(Schema(document, "Odd"), "/components/schemas/Odd", diagnostics, map);
        Assert.Empty(rules);
        Assert.All(diagnostics, d => Assert.Equal("CG0051", d.Id));
        var byConstruct = diagnostics.ToDictionary(d => d.MessageArgs[0], d => d.Location!.StartLine);
        Assert.Equal(
            new Dictionary<string, int> { ["not"] = LineAfter("Odd:", "not:"), ["if"] = LineAfter("Odd:", "if:"), ["oneOf"] = LineAfter("Odd:", "oneOf:") },
            byConstruct);
        Assert.Equal(6, diagnostics.Single(d => d.MessageArgs[0] == "if").Location!.StartColumn);
    }

    [Fact]
    public void APatternDotNetCannotCompileGivesALocatedWarning()
    {
        const string spec = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    code:
                      type: string
                      pattern: '(unclosed'
                    list:
                      type: array
                      items: {type: string, pattern: '[z-a]'}
                    fine: {type: string, pattern: '^\p{L}+$'}
            """;
        var (document, map) = Parse(spec);
        var diagnostics = new List<DiagnosticInfo>();
        var code = ConstraintReader.ReadValue(Property(document, "A", "code"), "/components/schemas/A/properties/code", diagnostics, map, SchemaTargets.None);
        ConstraintReader.ReadValue(Property(document, "A", "list"), "/components/schemas/A/properties/list", diagnostics, map, SchemaTargets.None);
        ConstraintReader.ReadValue(Property(document, "A", "fine"), "/components/schemas/A/properties/fine", diagnostics, map, SchemaTargets.None);

        Assert.Equal("(unclosed", code.Pattern);
        Assert.Equal(new[] { ("CG0052", 10), ("CG0052", 13) }, diagnostics.Select(d => (d.Id, d.Location!.StartLine)).ToArray());
        Assert.Equal("pattern", diagnostics[0].MessageArgs[0]);
    }

    // 0-based line of the first `marker` after `anchor` in Spec31.
    private static int LineAfter(string anchor, string marker)
    {
        int index = Spec31.IndexOf(marker, Spec31.IndexOf(anchor, StringComparison.Ordinal), StringComparison.Ordinal);
        return Spec31.Substring(0, index).Count(c => c == '\n');
    }

    [Fact]
    public void UnsupportedConstructWarningsHaveADescriptor()
    {
        var descriptor = Codegen.Generator.Diagnostics.ValidationDescriptors.Find("CG0051");
        Assert.NotNull(descriptor);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, descriptor!.DefaultSeverity);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, Codegen.Generator.Diagnostics.ValidationDescriptors.Find("CG0050")!.DefaultSeverity);
        Assert.Null(Codegen.Generator.Diagnostics.ValidationDescriptors.Find("CG0001"));
    }
}
