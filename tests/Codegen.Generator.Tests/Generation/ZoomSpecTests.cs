using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Generation;

public sealed class ZoomSpecTests
{
    [Fact]
    public void ZoomSpecGeneratesCodeThatCompilesWithoutWarnings()
    {
        var result = GeneratorHarness.Run(new[] { Specs.Zoom() });

        Assert.Empty(result.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        result.AssertCompilesCleanly();
    }
}
