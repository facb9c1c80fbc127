using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary>Reader warnings, the language-version check, internal errors and duplicate clients (CG0007, CG0012–CG0014).</summary>
public sealed class GeneratorDiagnosticTests
{
    private const string Ping = """
        openapi: 3.0.3
        info: {title: ping, version: '1'}
        paths:
          /ping:
            get:
              operationId: ping
              responses: {'204': {description: ok}}
        """;

    [Fact]
    public void OpenApiReaderWarningsAreCG0007()
    {
        var diagnostics = Run("""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              code:
                                type: string
                                not: {$ref: '#/components/schemas/Nope'}
            """);

        var d = Single(diagnostics, "CG0007", 17, 27);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void LanguageVersionBelow12GivesOneCG0012AndNoCode()
    {
        var spec = InMemoryAdditionalText.Spec("/p/ping.yaml", Ping, "Tests.Ping", "PingClient");
        var options = new CSharpParseOptions(LanguageVersion.CSharp11);
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, parseOptions: options)
            .RunGenerators(GeneratorHarness.CreateCompilation(options, "class A { }"));

        var result = driver.GetRunResult();
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("CG0012", d.Id);
        Assert.Contains("11", d.GetMessage());
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void LanguageVersion12GeneratesCode()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/ping.yaml", Ping, "Tests.Ping", "PingClient") });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0012");
        Assert.Contains(result.Sources, s => s.HintName == "PingClient.PingAsync.g.cs");
    }

    [Fact]
    public void AnExceptionWhileReadingBecomesCG0013WithTypeAndMessage()
    {
        // A null text cannot come from the compiler; it forces a failure inside the reader.
        var parsed = SpecReader.Read(new SpecInput("/p/broken.yaml", null!, new SpecOptions("A", "AClient")), CancellationToken.None);

        var d = Assert.Single(parsed.Diagnostics);
        Assert.Equal("CG0013", d.Id);
        Assert.Equal("/p/broken.yaml", d.Location!.FilePath);
        Assert.Equal((0, 0), (d.Location.StartLine, d.Location.StartColumn));
        Assert.Contains("Exception", d.MessageArgs[0]);
        Assert.True(parsed.Model.Types.IsEmpty);
    }

    [Fact]
    public void TwoSpecsWithTheSameClientNameGiveCG0014InsteadOfACrash()
    {
        var result = GeneratorHarness.Run(new[]
        {
            InMemoryAdditionalText.Spec("/p/a.yaml", Ping, "Tests.A", "SameClient"),
            InMemoryAdditionalText.Spec("/p/b.yaml", Ping, "Tests.B", "SameClient"),
        });

        Assert.All(result.RunResult.Results, r => Assert.Null(r.Exception));
        var clashes = result.GeneratorDiagnostics.Where(d => d.Id == "CG0014").ToList();
        Assert.Equal(new[] { "/p/a.yaml", "/p/b.yaml" }, clashes.Select(d => d.Location.GetLineSpan().Path));
        Assert.All(clashes, d => Assert.Equal((0, 0), (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character)));
        Assert.All(clashes, d => Assert.Contains("SameClient", d.GetMessage()));
        Assert.DoesNotContain(result.Sources, s => s.HintName.StartsWith("SameClient", StringComparison.Ordinal));
    }

    [Fact]
    public void ABrokenSpecDoesNotStopAnotherSpecFromGenerating()
    {
        var result = GeneratorHarness.Run(new[]
        {
            InMemoryAdditionalText.Spec("/p/broken.yaml", "openapi: 3.1.0\ninfo: {title: [x\n", "Tests.Broken", "BrokenClient"),
            Specs.KitchenSink(),
        });

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CG0050" && d.Location.GetLineSpan().Path == "/p/broken.yaml");
        Assert.Contains(result.Sources, s => s.HintName == "SinkClient.Item.g.cs");
        // The broken spec keeps an empty client shell (so user code that names it does not add a wall of errors), no types.
        Assert.Equal(
            new[] { "BrokenClient.BrokenApi.g.cs", "BrokenClient.BrokenApiJson.g.cs", "BrokenClient.BrokenClientServiceCollectionExtensions.g.cs", "BrokenClient.g.cs" },
            result.Sources.Select(s => s.HintName).Where(h => h.StartsWith("BrokenClient", StringComparison.Ordinal)).OrderBy(h => h, StringComparer.Ordinal));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void EnumNameListOfTheWrongLengthIsCG0015AndNamesAreDerived()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/enum.yaml", """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - name: mode
                      in: query
                      schema:
                        type: string
                        enum: [fast_lane, slow]
                        x-enum-varnames: [Fast]
                  responses: {'204': {description: ok}}
            """, "Tests.Enum", "EnumClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0015", 13, 13);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var source = result.Source("EnumClient.GetAMode.g.cs");
        Assert.Contains("FastLane = 1,", source);
        Assert.Contains("Slow = 2,", source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void UnparsableExpiresAfterIsCG0015AndValidOnesReachTheDocs()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/expires.yaml", """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              link: {type: string, x-codegen-expires-after: PT2H}
                              other: {type: string, x-codegen-expires-after: soon}
            """, "Tests.Expires", "ExpiresClient") });

        Single(result.GeneratorDiagnostics, "CG0015", 16, 41);
        Assert.Contains("Expires 2 hours after the server issues it.", result.Source("ExpiresClient.GetAResponse.g.cs"));
    }
}
