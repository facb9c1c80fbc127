using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>What the generator makes of non-JSON and non-object bodies: signatures, types and located warnings.</summary>
public sealed class BodyGenerationTests
{
    private static readonly Lazy<GenerationResult> Generated = new(() => GeneratorHarness.Run(new[] { Specs.Bodies() }));

    [Fact]
    public void EveryBodyKindGeneratesCodeThatCompilesWithoutWarnings()
    {
        var result = Generated.Value;
        if (Environment.GetEnvironmentVariable("BODIES_DUMP") is { } dump)
        {
            foreach (var source in result.Sources) File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
        }
        result.AssertCompilesCleanly();
    }
}
