using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Generation;

public sealed class KitchenSinkTests
{
    [Fact]
    public void AwkwardSpecGeneratesCodeThatCompilesWithoutWarnings()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink() });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        result.AssertCompilesCleanly();
    }
}

public sealed class DumpForInspection
{
    [Fact]
    public void Dump()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink(), Specs.Zoom() });
        Directory.CreateDirectory("/tmp/gen-dump");
        foreach (var s in result.Sources) File.WriteAllText("/tmp/gen-dump/" + s.HintName, s.SourceText.ToString());
        File.WriteAllLines("/tmp/gen-dump/_diagnostics.txt", result.GeneratorDiagnostics.Select(d => d.ToString()));
    }
}
