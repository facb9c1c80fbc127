using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.MultiFile;

/// <summary>Problems with external references are located in the file that has them, and the rest still generates.</summary>
public sealed class MultiFileDiagnosticTests
{
    [Fact]
    public void ReferenceToAFileOutsideTheAdditionalFilesIsCG0018AtTheRefAndTheRestGenerates()
    {
        // Failure.yaml is not passed: the default response's $ref (line 20, column 13) cannot resolve.
        var files = MultiFileSpecs.Swagger2().Where(f => !f.Path.EndsWith("Failure.yaml", StringComparison.Ordinal)).ToArray();

        var result = GeneratorHarness.Run(files);

        var missing = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0018");
        Assert.Equal(DiagnosticSeverity.Warning, missing.Severity);
        Assert.Contains("../common/Failure.yaml", missing.GetMessage());
        var span = missing.Location.GetLineSpan();
        Assert.Equal(MultiFileSpecs.Root, span.Path);
        Assert.Equal((21, 13), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains(result.Sources, s => s.HintName == "ShopClient.Item.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "ShopClient.ListItemsAsync.g.cs");
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void MissingFileNamedInsideAPartIsCG0018InThatPart()
    {
        var root = MultiFileSpecs.RootReturning("/m/root.yaml", "{$ref: 'models/Box.yaml'}", "Tests.M", "MClient");
        var box = new InMemoryAdditionalText("/m/models/Box.yaml", """
            type: object
            properties:
              size: {type: integer, format: int32}
              content:
                $ref: 'Content.yaml'
            """);

        var result = GeneratorHarness.Run(new[] { root, box });

        var missing = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0018");
        var span = missing.Location.GetLineSpan();
        Assert.Equal("/m/models/Box.yaml", span.Path);
        Assert.Equal((5, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Contains("JsonElement? Content", result.Source("MClient.Box.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void ProblemsInsideACopiedSchemaAreLocatedInItsPartFile()
    {
        var root = MultiFileSpecs.RootReturning("/n/root.yaml", "{$ref: 'Pair.yaml'}", "Tests.N", "NClient");
        var pair = new InMemoryAdditionalText("/n/Pair.yaml", """
            type: object
            properties:
              first-name: {type: string}
              first_name: {type: string}
            """);

        var result = GeneratorHarness.Run(new[] { root, pair });

        var collision = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0004");
        var span = collision.Location.GetLineSpan();
        Assert.Equal("/n/Pair.yaml", span.Path);
        Assert.Equal((4, 3), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void FragmentThatDoesNotExistInAPartIsCG0001AtTheRef()
    {
        var files = MultiFileSpecs.Swagger2()
            .Select(f => f.Path == MultiFileSpecs.Root ? f.WithText(f.Text.Replace("parameters.yaml#/pageSize", "parameters.yaml#/nothing")) : f)
            .ToArray();

        var result = GeneratorHarness.Run(files);

        var unresolved = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0001");
        Assert.Contains("parameters.yaml#/nothing", unresolved.GetMessage());
        var span = unresolved.Location.GetLineSpan();
        Assert.Equal(MultiFileSpecs.Root, span.Path);
        Assert.Equal(10, span.StartLinePosition.Line + 1);
        Assert.DoesNotContain("pageSize", result.Source("ShopClient.ListItemsAsync.g.cs"));
    }

    [Fact]
    public void MalformedPartGivesItsSyntaxErrorInThePartFile()
    {
        var files = MultiFileSpecs.Swagger2()
            .Select(f => f.Path.EndsWith("Failure.yaml", StringComparison.Ordinal) ? f.WithText("type: object\nproperties: [unclosed\n") : f)
            .ToArray();

        var result = GeneratorHarness.Run(files);

        var error = Assert.Single(result.GeneratorDiagnostics, d => d.Location.GetLineSpan().Path == "/shop/common/Failure.yaml");
        Assert.Equal("CG0050", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(result.Sources, s => s.HintName == "ShopClient.Item.g.cs");
    }

    [Fact]
    public void ParametersThatReferToEachOtherAcrossFilesAreACG0005CycleNotAHang()
    {
        var root = InMemoryAdditionalText.Spec("/q/root.yaml", """
            openapi: 3.0.3
            info: {title: Q, version: "1"}
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - $ref: 'one.yaml#/p'
                    - {name: kept, in: query, schema: {type: string}}
                  responses: {"204": {description: ok}}
            """, "Tests.Q", "QClient");
        var one = new InMemoryAdditionalText("/q/one.yaml", "p:\n  $ref: 'two.yaml#/p'\n");
        var two = new InMemoryAdditionalText("/q/two.yaml", "p:\n  $ref: 'one.yaml#/p'\n");

        var result = GeneratorHarness.Run(new[] { root, one, two });

        var cycle = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0005");
        Assert.Contains("cycle", cycle.GetMessage());
        Assert.Equal("/q/two.yaml", cycle.Location.GetLineSpan().Path);
        Assert.Contains("string? kept = null", result.Source("QClient.GetAAsync.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void ConstraintProblemInsideACopiedSchemaIsLocatedInItsPartFile()
    {
        var root = MultiFileSpecs.RootReturning("/v/root.yaml", "{$ref: 'Code.yaml'}", "Tests.V", "VClient");
        var code = new InMemoryAdditionalText("/v/Code.yaml", "type: object\nproperties:\n  value:\n    type: string\n    pattern: '[unclosed'\n");

        var result = GeneratorHarness.Run(new[] { root, code });

        var unusable = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0052");
        var span = unusable.Location.GetLineSpan();
        Assert.Equal("/v/Code.yaml", span.Path);
        Assert.Equal((5, 5), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        result.AssertCompilesCleanly();
    }
}
