using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Diagnostics;

public static class DiagnosticAssert
{
    /// <summary>Runs the generator on one inline spec; returns its diagnostics (the run must not throw).</summary>
    public static IReadOnlyList<Diagnostic> Run(string yaml, string path = "/project/specs/bad.yaml")
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec(path, yaml, "Tests.Bad", "BadClient") });
        Assert.All(result.RunResult.Results, r => Assert.Null(r.Exception));
        return result.GeneratorDiagnostics;
    }

    /// <summary>Asserts one diagnostic with <paramref name="id"/> at a 1-based line and column of the spec.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics, string id, int line, int column)
    {
        var matches = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count == 1, $"expected one {id}, got: {string.Join("; ", diagnostics)}");
        var span = matches[0].Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        return matches[0];
    }
}
