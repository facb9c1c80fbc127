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
