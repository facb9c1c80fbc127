using System.Text.Json;
using Codegen.Runtime.Validation;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

/// <summary>Every value rule the emitter supports, each tripped once and passed once, on a record that is otherwise valid.</summary>
public sealed class ValueRuleTests
{
    private const string Ns = ValidationModels.Namespace + ".";
    private static CompiledValidators V => ValidationModels.Validators;
    private static readonly JsonElement Extra = JsonDocument.Parse("{}").RootElement;

    private static object Sample(params (string, object?)[] values) =>
        V.Make(Ns + "Sample", new (string, object?)[] { ("Name", "ok"), ("Count", 5), ("Extra", Extra) }.Concat(values).ToArray());

    private static string[] Errors(object model) =>
        CompiledValidators.Validate(model).Errors.Select(e => e.Path + "|" + e.Rule).ToArray();

    [Fact]
    public void TheBaselineSampleIsValid() => Assert.Empty(Errors(Sample()));

    [Theory]
    [InlineData("Name", null, "name|required")]
    [InlineData("Name", "x", "name|minLength")]
    [InlineData("Name", "\U0001F600", "name|minLength")]
    [InlineData("Count", -5, "count|minimum")]
    [InlineData("Count", 7, "count|multipleOf")]
    [InlineData("Score", 0d, "score|exclusiveMinimum")]
    [InlineData("Score", 100d, "score|exclusiveMaximum")]
    [InlineData("Score", 2.25d, "score|multipleOf")]
    [InlineData("Amount", 1000.01, "amount|maximum")]
    [InlineData("Amount", 0.005, "amount|multipleOf")]
    [InlineData("Big", 10000000001L, "big|maximum")]
    [InlineData("Email", "no-at-sign", "email|format")]
    [InlineData("Site", "not a uri", "site|format")]
    [InlineData("Id", "3f2504e0-4f89-11d3-9a0c", "id|format")]
    [InlineData("When", "2024-02-30T10:00:00Z", "when|format")]
    [InlineData("When", "2024-02-01T10:00:00", "when|format")]
    [InlineData("Day", "2023-02-29", "day|format")]
    [InlineData("Color", "blue", "color|enum")]
    [InlineData("Level", 3, "level|enum")]
    [InlineData("Flag", false, "flag|const")]
    [InlineData("State", 99, "state|enum")]
    [InlineData("Phase", 2, "phase|const")]
    public void EachRuleReportsItsViolation(string property, object? value, string expected) =>
        Assert.Equal(new[] { expected }, Errors(Sample((property, value))));

    [Theory]
    [InlineData("Name", "\U0001F600\U0001F600")]
    [InlineData("Count", 0)]
    [InlineData("Score", 99.5d)]
    [InlineData("Score", 0.5d)]
    [InlineData("Amount", 1000)]
    [InlineData("Amount", 12.34)]
    [InlineData("Big", 10000000000L)]
    [InlineData("Email", "someone@example.com")]
    [InlineData("Site", "https://example.com/a?b=c")]
    [InlineData("Id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("When", "2024-02-29T10:00:00.123+01:00")]
    [InlineData("When", "2017-11-25T12:00:00Z")]
    [InlineData("Day", "2024-02-29")]
    [InlineData("Color", "green")]
    [InlineData("Level", 2)]
    [InlineData("Flag", true)]
    [InlineData("State", 2)]
    [InlineData("Phase", 1)]
    [InlineData("Note", null)]
    public void EachRuleAcceptsAConformingValue(string property, object? value) =>
        Assert.Empty(Errors(Sample((property, value))));

    [Fact]
    public void RequiredJsonElementMustBeSet()
    {
        var sample = V.Make(Ns + "Sample", ("Name", "ok"), ("Count", 5));
        Assert.Equal(new[] { "extra|required" }, Errors(sample));
    }

    [Fact]
    public void ArrayCountUniquenessAndItemRulesAreChecked()
    {
        Assert.Empty(Errors(Sample(("Tags", new object?[] { "a", "b", "c" }))));
        Assert.Equal(new[] { "tags|minItems" }, Errors(Sample(("Tags", Array.Empty<object?>()))));
        Assert.Equal(new[] { "tags|maxItems" }, Errors(Sample(("Tags", new object?[] { "a", "b", "c", "d" }))));
        Assert.Equal(new[] { "tags|uniqueItems" }, Errors(Sample(("Tags", new object?[] { "a", "b", "a" }))));
        Assert.Equal(new[] { "tags[1]|maxLength" }, Errors(Sample(("Tags", new object?[] { "a", "toolong" }))));
    }

    [Fact]
    public void ArrayItemsOfAnEnumAreCheckedForMembershipOnce()
    {
        Assert.Empty(Errors(Sample(("States", new object?[] { 1, 2 }))));
        Assert.Equal(new[] { "states[1]|enum" }, Errors(Sample(("States", new object?[] { 1, 5 }))));
    }

    [Fact]
    public void NestedArrayItemsGetOneIndexPerLevel()
    {
        Assert.Empty(Errors(Sample(("Matrix", new object?[] { new object?[] { 1, 9 }, new object?[] { 0 } }))));
        Assert.Equal(new[] { "matrix[1][0]|maximum" }, Errors(Sample(("Matrix", new object?[] { new object?[] { 1, 9 }, new object?[] { 10 } }))));
    }

    [Fact]
    public void DictionaryValuesAreValidatedUnderTheirKey()
    {
        var good = V.Make(Ns + "TrackingField", ("Field", "f"));
        var bad = V.Make(Ns + "TrackingField", ("Value", "v"));
        Assert.Empty(Errors(Sample(("Fields", new Dictionary<string, object?> { ["first"] = good }))));
        Assert.Equal(new[] { "fields.second.field|required" }, Errors(Sample(("Fields", new Dictionary<string, object?> { ["first"] = good, ["second"] = bad }))));
    }

    [Fact]
    public void ValidatingAValidSampleWithEveryRuleAllocatesNothing()
    {
        var model = (IValidatable)Sample(
            ("Score", 50.5d), ("Amount", 10.25), ("Big", 5L), ("Tags", new object?[] { "a", "b" }),
            ("Email", "a@b.c"), ("Site", "urn:x"), ("Id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
            ("When", "2024-02-29T10:00:00Z"), ("Day", "2024-02-29"), ("Color", "red"), ("Level", 1), ("Flag", true), ("State", 1),
            ("Fields", new Dictionary<string, object?> { ["k"] = V.Make(Ns + "TrackingField", ("Field", "f")) }),
            ("Matrix", new object?[] { new object?[] { 1, 2 } }));
        for (int i = 0; i < 50; i++) Assert.True(model.Validate().IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = model.Validate();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.Equal(0, allocated);
    }
}
