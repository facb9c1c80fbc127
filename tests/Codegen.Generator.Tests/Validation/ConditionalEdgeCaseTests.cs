using Codegen.Generator.Emitting;
using Codegen.Generator.Model;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

/// <summary>JSON Schema corner cases of the object rules, and specs whose constraints .NET cannot use.</summary>
public sealed class ConditionalEdgeCaseTests
{
    private static EquatableArray<T> Of<T>(params T[] items) where T : IEquatable<T> => new(items);

    private static PropertyModel Property(string name, string json, TypeKind kind, ValueConstraints? constraints = null) =>
        new(name, json, new TypeRef(kind), false, false, null, constraints ?? ValueConstraints.None, false, false, false, false);

    private static readonly RecordModel Edge = new("Edge", "/components/schemas/Edge", null, null, Of(
            Property("Kind", "kind", TypeKind.String),
            Property("Code", "code", TypeKind.String, new ValueConstraints(Pattern: "(unclosed")),
            Property("Legacy", "legacy", TypeKind.Int32),
            Property("Size", "size", TypeKind.Int32)),
        Of<ObjectRule>(
            new NotAllPresentRule("/not", Of("legacy")),
            // no `required` in the `if`: an absent kind satisfies the condition (JSON Schema semantics)
            new ConditionalRule("/if", new RuleCondition("kind", Of("\"big\""), false),
                new RuleSet(EquatableArray<string>.Empty, Of(new PropertyConstraint("size", new ValueConstraints(Minimum: "10")))),
                new RuleSet(EquatableArray<string>.Empty, Of(new PropertyConstraint("size", new ValueConstraints(Maximum: "5")))))),
        null, EquatableArray<EnumModel>.Empty);

    private const string EdgeRecord = """
        #nullable enable
        namespace Edge.Tests;
        public sealed partial record Edge
        {
            public string? Kind { get; init; }
            public string? Code { get; init; }
            public int? Legacy { get; init; }
            public int? Size { get; init; }
        }
        """;

    private static readonly Lazy<CompiledValidators> Compiled = new(() => CompiledValidators.Compile(EdgeRecord, ValidatorEmitter.Emit(Edge, "Edge.Tests")));

    private static string[] Errors(params (string, object?)[] values) =>
        CompiledValidators.Validate(Compiled.Value.Make("Edge.Tests.Edge", values)).Errors.Select(e => e.Path + "|" + e.Rule + "|" + e.Message).ToArray();

    [Fact]
    public void APatternDotNetCannotCompileIsSkippedAndTheRestStillCompiles()
    {
        Assert.Empty(Compiled.Value.Diagnostics);
        Assert.Empty(Errors(("Code", "anything")));
        Assert.Contains("is not checked", ValidatorEmitter.Emit(Edge, "Edge.Tests"));
    }

    [Fact]
    public void ConditionWithoutRequiredHoldsWhenThePropertyIsAbsent()
    {
        Assert.Equal(new[] { "size|minimum|must be at least 10 when kind is \"big\"" }, Errors(("Size", 3)));
        Assert.Equal(new[] { "size|minimum|must be at least 10 when kind is \"big\"" }, Errors(("Kind", "big"), ("Size", 3)));
        Assert.Empty(Errors(("Kind", "big"), ("Size", 10)));
    }

    [Fact]
    public void ElseBranchAppliesWhenTheValueDiffers()
    {
        Assert.Equal(new[] { "size|maximum|must be at most 5 when kind is not \"big\"" }, Errors(("Kind", "small"), ("Size", 6)));
        Assert.Empty(Errors(("Kind", "small"), ("Size", 5)));
    }

    [Fact]
    public void NotRequiredOfOnePropertyForbidsIt()
    {
        Assert.Equal(new[] { "legacy|not|must not be set" }, Errors(("Kind", "small"), ("Legacy", 1)));
        Assert.Empty(Errors(("Kind", "small")));
    }
}
