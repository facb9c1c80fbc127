using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Unions;

/// <summary>Unions are value-equal model: an edit to one union re-emits only that union's file.</summary>
public sealed class UnionIncrementalTests
{
    [Fact]
    public void ChangingOneUnionsDescriptionReEmitsOnlyThatUnion()
    {
        var spec = UnionSpecs.Spec();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        var edited = spec.WithText(spec.Text.Replace("description: A pet, told apart by petType.", "description: A cat or a dog."));
        Assert.NotEqual(spec.Text, edited.Text);
        driver = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var types = result.TrackedSteps[TrackingNames.TypesToEmit].SelectMany(r => r.Outputs).ToList();
        var modified = types.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        Assert.Single(modified);
        Assert.Contains("UnionModel", modified[0].Value.ToString());
        Assert.Contains("Name = Pet,", modified[0].Value.ToString());
        Assert.Contains(types, o => o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
    }
}
