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

    [Fact]
    public void EnumMemberNamedLikeItsEnumAndKeywordNamespaceStillCompile()
    {
        var yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - {name: status, in: query, schema: {$ref: '#/components/schemas/Status'}}
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Status: {type: string, enum: [status, open]}
            """;

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/a.yaml", yaml, "Tests.event", "AClient") });

        var source = result.Source("AClient.Status.g.cs");
        Assert.Contains("namespace Tests.@event", source);
        Assert.Contains("StatusValue = 1,", source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void ParametersNamedLikeGeneratedLocalsAreRenamed()
    {
        var yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a/{request}:
                get:
                  operationId: getA
                  parameters:
                    - {name: request, in: path, required: true, schema: {type: string}}
                    - {name: item, in: query, schema: {type: array, items: {type: string}}}
                    - {name: reader, in: query, schema: {type: string}}
                    - {name: cancellationToken, in: header, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {type: array, items: {type: array, items: {type: integer}}}}}
            """;

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/a.yaml", yaml, "Tests.Locals", "LocalsClient") });

        var source = result.Source("LocalsClient.GetAAsync.g.cs");
        Assert.True(source.Contains("GetAAsync(string request2, global::System.Collections.Generic.IReadOnlyList<string>? item4 = null, string? reader2 = null, string? cancellationToken2 = null,"), source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void SelfReferencingObjectWithOneOfNextToPropertiesStaysARecord()
    {
        var yaml = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /nodes:
                get:
                  operationId: getNode
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
                  oneOf:
                    - required: [name]
                    - required: [children]
            """;

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/n.yaml", yaml, "Tests.Nodes", "NodesClient") });

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CG0005");
        Assert.Contains("IReadOnlyList<global::Tests.Nodes.Node>? Children", result.Source("NodesClient.Node.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("https://{region}.api.test/v1", "new global::System.Uri(\"https://eu.api.test/v1\")")]
    [InlineData("/v1", "null,")]
    [InlineData("https://{unknown}.api.test", "null,")]
    public void ServerUrlsUseVariableDefaultsAndOnlyAbsoluteUrlsBecomeTheDefault(string url, string expected)
    {
        var yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers:\n  - url: '" + url + "'\n    variables:\n      region: {default: eu}\npaths: {}\n";

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/s.yaml", yaml, "Tests.Servers", "ServersClient") });

        Assert.Contains(expected, result.Source("ServersClient.ServersApi.g.cs"));
    }
}
