using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Tests.Unions;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>An object with declared properties and an <c>additionalProperties</c> schema keeps its extra members, typed.</summary>
public sealed class AdditionalPropertiesTests
{
    private static GenerationResult Run()
    {
        var yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /labels:
                get:
                  operationId: getLabels
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Holder'}
            components:
              schemas:
                Point: {type: object, properties: {x: {type: integer}}}
                Counts:
                  type: object
                  required: [total]
                  properties:
                    total: {type: integer}
                  additionalProperties: {type: integer, nullable: true}
                Points:
                  type: object
                  properties:
                    additionalProperties: {type: string}
                  additionalProperties: {$ref: '#/components/schemas/Point'}
                Holder:
                  type: object
                  properties:
                    counts: {$ref: '#/components/schemas/Counts'}
                    points: {$ref: '#/components/schemas/Points'}
            """;
        return GeneratorHarness.Run(
            new[] { InMemoryAdditionalText.Spec("/p/x.yaml", yaml, "Tests.Extras", "ExtrasClient") },
            UnionHarness.Source("Tests.Extras", "Counts", "Points"));
    }

    [Fact]
    public void ExtraMembersAreReadTypedAndWrittenBackAfterTheDeclaredOnes()
    {
        var result = Run();
        result.AssertCompilesCleanly();
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyDictionary<string, int?>? AdditionalProperties { get; init; }", result.Source("ExtrasClient.Counts.g.cs"));
        using var assembly = result.Load();

        const string json = """{"a":1,"total":3,"b":null,"c":2}""";
        var counts = assembly.Call("TestHarness.Probe", "Read", "Counts", json)!;
        var extras = (IReadOnlyDictionary<string, int?>)counts.GetType().GetProperty("AdditionalProperties")!.GetValue(counts)!;
        Assert.Equal(new Dictionary<string, int?> { ["a"] = 1, ["b"] = null, ["c"] = 2 }, extras);
        Assert.Equal("""{"total":3,"a":1,"b":null,"c":2}""", assembly.Call("TestHarness.Probe", "RoundTrip", "Counts", json));
    }

    [Fact]
    public void ObjectValuedExtrasAndAPropertyCalledAdditionalPropertiesBothSurvive()
    {
        var result = Run();
        result.AssertCompilesCleanly();
        var points = result.Source("ExtrasClient.Points.g.cs");
        Assert.Contains("public string? AdditionalProperties { get; init; }", points);
        Assert.Contains("IReadOnlyDictionary<string, global::Tests.Extras.Point>? AdditionalProperties2 { get; init; }", points);
        using var assembly = result.Load();

        const string json = """{"additionalProperties":"declared","p1":{"x":1},"p2":{"x":2}}""";
        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", "Points", json));
    }

    [Fact]
    public void ObjectWithoutExtrasStillSkipsUnknownMembers()
    {
        var result = Run();
        result.AssertCompilesCleanly();
        Assert.DoesNotContain("AdditionalProperties", result.Source("ExtrasClient.Holder.g.cs"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.GetMessage().Contains("extra members are skipped", StringComparison.Ordinal));
    }
}
