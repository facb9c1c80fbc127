using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.MultiFile;

/// <summary>A spec's parse re-runs when one of its parts changes, and only then.</summary>
public sealed class MultiFileIncrementalTests
{
    [Fact]
    public void EditingAnUnrelatedAdditionalFileLeavesTheParseCached()
    {
        var unrelated = new InMemoryAdditionalText("/shop/api/notes.yaml", "note: first\n");
        var files = MultiFileSpecs.Swagger2().Append(unrelated).ToArray();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(unrelated, unrelated.WithText("note: second\n")).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(Outputs(result, TrackingNames.SpecPartFiles), o => o.Reason == IncrementalStepRunReason.Modified);
        var parse = Assert.Single(Outputs(result, TrackingNames.Parse));
        Assert.Equal(IncrementalStepRunReason.Cached, parse.Reason);
    }

    [Fact]
    public void EditingAReferencedPartReParsesTheSpecAndChangesItsType()
    {
        var files = MultiFileSpecs.Swagger2();
        var failure = files.Single(f => f.Path.EndsWith("Failure.yaml", StringComparison.Ordinal));
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(compilation);

        var edited = failure.WithText(failure.Text.TrimEnd() + "\n  retryable:\n    type: boolean\n");
        driver = driver.ReplaceAdditionalText(failure, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.SpecInputs)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(result, TrackingNames.Parse)).Reason);
        var types = Outputs(result, TrackingNames.TypesToEmit);
        var modified = Assert.Single(types, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Name = Failure,", modified.Value.ToString());
        Assert.Contains("bool? Retryable", result.GeneratedSources.Single(s => s.HintName == "ShopClient.Failure.g.cs").SourceText.ToString());
    }

    [Fact]
    public void AddingTheMissingPartResolvesTheReference()
    {
        var files = MultiFileSpecs.Swagger2();
        var withoutFailure = files.Where(f => !f.Path.EndsWith("Failure.yaml", StringComparison.Ordinal)).ToArray();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(withoutFailure).RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().Diagnostics, d => d.Id == "CG0018");

        driver = driver.AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(files.Single(f => f.Path.EndsWith("Failure.yaml", StringComparison.Ordinal))))
            .RunGenerators(compilation);

        var run = driver.GetRunResult();
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CG0018");
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "ShopClient.Failure.g.cs");
    }

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).ToList()
            : result.TrackedOutputSteps.TryGetValue(step, out var outputs)
                ? outputs.SelectMany(r => r.Outputs).ToList()
                : Array.Empty<(object, IncrementalStepRunReason)>();
}
