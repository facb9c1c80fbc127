using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Unions;

/// <summary>Which schemas become unions, what the union records look like, and what still gets CG0005.</summary>
public sealed class UnionReadingTests
{
    private static GenerationResult Run(string components, string responseSchema, params string[] sources)
    {
        var yaml = $$"""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {{responseSchema}}
            components:
              schemas:
            {{components}}
            """;
        return GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/u.yaml", yaml, "Tests.UnionReading", "UnionReadingClient") }, sources);
    }

    [Fact]
    public void RecursiveUnionRefersToItselfThroughAList()
    {
        var result = Run("""
                Node:
                  oneOf:
                    - {type: string}
                    - {type: array, items: {$ref: '#/components/schemas/Node'}}
            """, "{$ref: '#/components/schemas/Node'}", UnionHarness.Source("Tests.UnionReading", "Node"));
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        const string json = """["a",["b",[]],"c"]""";
        Assert.Equal("NodeList", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "Node", json)!));
        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", "Node", json));
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Tests.UnionReading.Node>? NodeList", result.Source("UnionReadingClient.Node.g.cs"));
    }

    [Fact]
    public void InlineUnionIsNamedLikeOtherInlineTypesAndInlineObjectBranchesGetOptionNames()
    {
        var result = Run("""
                Holder:
                  type: object
                  required: [value]
                  properties:
                    value:
                      anyOf:
                        - {type: object, properties: {a: {type: string}}, required: [a]}
                        - {type: object, properties: {b: {type: integer}}, required: [b]}
                        - {type: object, additionalProperties: {type: boolean}}
                        - {type: boolean}
            """, "{$ref: '#/components/schemas/Holder'}", UnionHarness.Source("Tests.UnionReading", "HolderValue"));
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        Assert.Contains("public required global::Tests.UnionReading.HolderValue Value { get; init; }", result.Source("UnionReadingClient.Holder.g.cs"));
        Assert.Equal("HolderValueOption2", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "HolderValue", """{"b":1}""")!));
        Assert.Equal("BooleanMap", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "HolderValue", """{"c":true}""")!));
        Assert.Equal("Boolean", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "HolderValue", "false")!));
    }

    [Fact]
    public void BranchesWithTheSameCSharpTypeAreMerged()
    {
        var result = Run("""
                When:
                  oneOf:
                    - {type: string, format: email}
                    - {type: string, format: hostname}
                    - {type: integer}
            """, "{$ref: '#/components/schemas/When'}");
        result.AssertCompilesCleanly();

        var union = result.Source("UnionReadingClient.When.g.cs");
        Assert.Contains("public string? String { get; init; }", union);
        Assert.Contains("public int? Int32 { get; init; }", union);
        Assert.DoesNotContain("String2", union);
    }

    [Fact]
    public void ConstraintOnlyBranchesStayJsonElementWithCG0005()
    {
        var result = Run("""
                Either:
                  oneOf:
                    - required: [a]
                    - required: [b]
            """, "{type: object, properties: {either: {$ref: '#/components/schemas/Either'}}}");
        result.AssertCompilesCleanly();

        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CG0005" && d.GetMessage().Contains("branch that states no type"));
        Assert.Contains("global::System.Text.Json.JsonElement? Either", result.Source("UnionReadingClient.GetThingResponse.g.cs"));
    }

    [Fact]
    public void MappingToASchemaThatIsNoBranchIsCG0005AndIgnored()
    {
        var result = Run("""
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      fish: '#/components/schemas/Fish'
                Cat: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {kind: {type: string}}}
                Fish: {type: object, properties: {kind: {type: string}}}
            """, "{$ref: '#/components/schemas/Pet'}");
        result.AssertCompilesCleanly();

        var warning = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0005");
        Assert.Contains("'fish'", warning.GetMessage());
        var union = result.Source("UnionReadingClient.Pet.g.cs");
        Assert.Contains("\"cat\"u8", union);
        // Dog is not in the mapping, so its component name selects it.
        Assert.Contains("\"Dog\"u8", union);
        Assert.DoesNotContain("\"fish\"u8", union);
    }

    [Fact]
    public void BranchWithoutTheDiscriminatorPropertyIsCG0005()
    {
        var result = Run("""
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                Cat: {type: object, properties: {kind: {type: string}}}
                Dog: {type: object, properties: {name: {type: string}}}
            """, "{$ref: '#/components/schemas/Pet'}");
        result.AssertCompilesCleanly();

        var warning = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0005");
        Assert.Contains("without the discriminator property 'kind'", warning.GetMessage());
        // Line 18 of the spec: the "- $ref: Dog" branch.
        Assert.Equal(18, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void ComponentNamedUnknownDoesNotClashWithTheUnknownMember()
    {
        var result = Run("""
                Thing:
                  oneOf:
                    - $ref: '#/components/schemas/Unknown'
                    - $ref: '#/components/schemas/Known'
                  discriminator:
                    propertyName: kind
                Unknown: {type: object, properties: {kind: {type: string}}}
                Known: {type: object, properties: {kind: {type: string}}}
            """, "{$ref: '#/components/schemas/Thing'}");
        result.AssertCompilesCleanly();

        var union = result.Source("UnionReadingClient.Thing.g.cs");
        Assert.Contains("public global::Tests.UnionReading.Unknown? Unknown2 { get; init; }", union);
        Assert.Contains("public global::System.Text.Json.JsonElement? Unknown { get; init; }", union);
    }
}
