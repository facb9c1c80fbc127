using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Generation;

/// <summary>OpenAPI 2.0 and 3.0 (JSON and YAML) generate the same kind of client as 3.1.</summary>
public sealed class SpecVersionTests
{
    [Fact]
    public void Swagger2JsonWithBodyParameterGeneratesAClient()
    {
        var json = """
            {"swagger":"2.0","info":{"title":"Pets","version":"1"},"host":"pets.example.test","basePath":"/v1","schemes":["https"],
             "consumes":["application/json"],"produces":["application/json"],
             "paths":{"/pets/{petId}":{"put":{"operationId":"updatePet",
               "parameters":[{"name":"petId","in":"path","required":true,"type":"integer","format":"int64"},
                             {"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/Pet"}}],
               "responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Pet"}}}}}},
             "definitions":{"Pet":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"tag":{"type":"string","x-nullable":true}}}}}
            """;

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/pets.json", json, "Tests.Pets", "PetsClient") });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("UpdatePetAsync(long petId, global::Tests.Pets.Pet body,", result.Source("PetsClient.UpdatePetAsync.g.cs"));
        Assert.Contains("new global::System.Uri(\"https://pets.example.test/v1\")", result.Source("PetsClient.PetsApi.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void OpenApi30NullableBecomesANullableProperty()
    {
        var yaml = """
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
                            required: [note, count]
                            properties:
                              note: {type: string, nullable: true}
                              count: {type: integer}
            """;

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/a.yaml", yaml, "Tests.A", "AClient") });

        var source = result.Source("AClient.GetAResponse.g.cs");
        Assert.Contains("public required string? Note { get; init; }", source);
        Assert.Contains("public required int Count { get; init; }", source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void KeywordsAndOddNamesBecomeValidCSharp()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink() });

        var item = result.Source("SinkClient.Item.g.cs");
        Assert.Contains("public required string Class { get; init; }", item);
        Assert.Contains("public required string ItemValue { get; init; }", item);
        Assert.Contains("public int? RefLike { get; init; }", item);
        Assert.Contains("public bool? Property2fa { get; init; }", item);
        Assert.Contains("string? @class = null", result.Source("SinkClient.ListOrderItemsAsync.g.cs"));
        result.AssertCompilesCleanly();
    }
}
