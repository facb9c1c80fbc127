using Codegen.Generator.Model;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Incremental;

/// <summary>The pipeline re-runs only what an edit touches (tracked step reasons on a second run).</summary>
public sealed class IncrementalTests
{
    private static readonly string[] StepsAfterParsing =
    {
        TrackingNames.EmitGate, TrackingNames.TypesToEmit, TrackingNames.ClientToEmit,
    };

    // After a re-parse the parsed spec is always new (compared by identity); these compare by value.
    private static readonly string[] EmitSteps =
    {
        TrackingNames.EmitGate, TrackingNames.TypesToEmit, TrackingNames.ClientToEmit,
    };

    [Fact]
    public void EditingAnUnrelatedCSharpFileLeavesEveryStepAfterParsingCached()
    {
        var spec = Specs.KitchenSink();
        var driver = GeneratorHarness.CreateDriver(new[] { spec })
            .RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));

        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("class A { }", "class B { int x; }"));

        var result = driver.GetRunResult().Results.Single();
        foreach (var step in StepsAfterParsing.Append(TrackingNames.Parse))
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void EditingOneSpecLeavesTheOtherSpecsParseCached()
    {
        var sink = Specs.KitchenSink();
        var bodies = Specs.Bodies();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { sink, bodies }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(bodies, bodies.WithText(bodies.Text + "\n\n")).RunGenerators(compilation);

        var parses = Outputs(driver.GetRunResult().Results.Single(), TrackingNames.Parse);
        Assert.Equal(2, parses.Count);
        Assert.Equal("BodiesClient", ((ParsedSpec)Assert.Single(parses, o => o.Reason == IncrementalStepRunReason.Modified).Value).Model.ClientName);
        Assert.Equal("SinkClient", ((ParsedSpec)Assert.Single(parses, o => o.Reason == IncrementalStepRunReason.Cached).Value).Model.ClientName);
    }

    [Fact]
    public void EditingAnUnrelatedAdditionalFileLeavesASingleFileSpecsParseCachedAndReEmitsNothing()
    {
        var spec = Specs.KitchenSink();
        var notes = new InMemoryAdditionalText("/project/notes.txt", "first");
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec, notes }).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(notes, notes.WithText("second")).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(result, TrackingNames.SpecInputs)).Reason);
        Assert.Equal(IncrementalStepRunReason.Cached, Assert.Single(Outputs(result, TrackingNames.Parse)).Reason);
        foreach (var step in EmitSteps)
        {
            Assert.All(Outputs(result, step), o => Assert.True(o.Reason == IncrementalStepRunReason.Cached, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void WhitespaceOnlySpecEditLeavesEveryEmitStepUnchanged()
    {
        var spec = Specs.KitchenSink();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        // Blank lines in the middle shift every location after them; the model holds none, so every unit stays equal.
        var edited = spec.WithText(spec.Text.Replace("paths:\n", "paths:\n\n\n") + "\n\n");
        driver = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(Outputs(result, TrackingNames.SpecInputs), o => o.Reason == IncrementalStepRunReason.Modified);
        foreach (var step in EmitSteps)
        {
            var outputs = EmitUnits(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{step}: {o.Reason}"));
        }
    }

    [Fact]
    public void ChangingOneOperationSummaryReEmitsOnlyThatOperation()
    {
        var spec = Specs.KitchenSink();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        var edited = spec.WithText(spec.Text.Replace("summary: Lists <items> & more", "summary: Lists the items"));
        Assert.NotEqual(spec.Text, edited.Text);
        driver = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var units = EmitUnits(result, TrackingNames.ClientToEmit);
        Assert.Contains(units, o => o.Value is OperationUnit && o.Reason != IncrementalStepRunReason.Modified);
        var modified = Assert.Single(units, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal("ListOrderItems", Assert.IsType<OperationUnit>(modified.Value).Operation.MethodName);
        Assert.All(units.Where(o => o != modified), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.All(Outputs(result, TrackingNames.TypesToEmit), o => Assert.True(
            o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{TrackingNames.TypesToEmit}: {o.Reason}"));
    }

    [Fact]
    public void ChangingOneSchemaDescriptionReEmitsOnlyThatType()
    {
        var spec = Specs.KitchenSink();
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        var edited = spec.WithText(spec.Text.Replace("description: Same name as the type.", "description: Named like its type."));
        driver = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        var modified = Outputs(result, TrackingNames.TypesToEmit).Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        Assert.Single(modified);
        Assert.Contains("Name = Item,", modified[0].Value.ToString());
        Assert.All(EmitUnits(result, TrackingNames.ClientToEmit), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
    }

    [Fact]
    public void ChangingARefreshLifetimeReEmitsTheRefreshFileAndNoOtherClientLevelFile()
    {
        var spec = InMemoryAdditionalText.Spec("/p/links.yaml", Diagnostics.RefreshWithDiagnosticTests.Spec("getLink", "linkId", "id"), "Tests.Links", "LinksClient");
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { spec }).RunGenerators(compilation);

        var edited = spec.WithText(spec.Text.Replace("x-codegen-expires-after: PT2H", "x-codegen-expires-after: PT3H"));
        Assert.NotEqual(spec.Text, edited.Text);
        driver = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        // The operations and the client, description and DI/JSON units are values of the same step, compared one by one.
        var units = EmitUnits(result, TrackingNames.ClientToEmit);
        Assert.Contains(units, o => o.Value is OperationUnit);
        Assert.Contains(units, o => o.Value is ClientUnit);
        Assert.Contains(units, o => o.Value is DescriptionUnit);
        Assert.Contains(units, o => o.Value is ClientNames);
        var refresh = Assert.Single(units, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.IsType<RefreshUnit>(refresh.Value);
        Assert.All(units.Where(o => o != refresh), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
    }

    // A spec's reading diagnostics flow in the client step too; they carry locations, so they are not emit units.
    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> EmitUnits(GeneratorRunResult result, string step) =>
        Outputs(result, step).Where(o => o.Value is not OpenApiClientGenerator.SpecDiagnostics).ToList();

    private static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var runs)
            ? runs.SelectMany(r => r.Outputs).ToList()
            : result.TrackedOutputSteps.TryGetValue(step, out var outputs)
                ? outputs.SelectMany(r => r.Outputs).ToList()
                : Array.Empty<(object, IncrementalStepRunReason)>();
}
