using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Tests.Unions;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>A required readOnly property is required in responses only: a request can be built without it.</summary>
public sealed class ReadOnlyTests
{
    [Fact]
    public void RequiredReadOnlyPropertyIsOptionalForCallersAndReaders()
    {
        var yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /pets:
                post:
                  operationId: addPet
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Pet'}
                  responses:
                    '201':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Pet'}
            components:
              schemas:
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: integer, format: int64, readOnly: true}
                    name: {type: string}
            """;
        var result = GeneratorHarness.Run(
            new[] { InMemoryAdditionalText.Spec("/p/pets.yaml", yaml, "Tests.ReadOnly", "PetsClient") },
            UnionHarness.Source("Tests.ReadOnly", "Pet"),
            "namespace TestHarness; public static class Build { public static object NewPet() => new global::Tests.ReadOnly.Pet { Name = \"Rex\" }; }");
        result.AssertCompilesCleanly();

        var pet = result.Source("PetsClient.Pet.g.cs");
        Assert.Contains("public long? Id { get; init; }", pet);
        Assert.Contains("public required string Name { get; init; }", pet);
        using var assembly = result.Load();
        Assert.Equal("""{"name":"Rex"}""", assembly.Call("TestHarness.Probe", "RoundTrip", "Pet", """{"name":"Rex"}"""));
        Assert.Equal("""{"id":7,"name":"Rex"}""", assembly.Call("TestHarness.Probe", "RoundTrip", "Pet", """{"id":7,"name":"Rex"}"""));
    }
}
