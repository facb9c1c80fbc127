using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.MultiFile;

/// <summary>External <c>$ref</c>s to files next to the spec resolve among the AdditionalFiles, for 2.0 and 3.x.</summary>
public sealed class MultiFileGenerationTests
{
    [Fact]
    public void Swagger2SpecWithWholeFileRefsGeneratesATypePerPartAndCompiles()
    {
        var result = GeneratorHarness.Run(MultiFileSpecs.Swagger2());

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CG0018" or "CG0006" or "CG0013");
        var item = result.Source("ShopClient.Item.g.cs");
        Assert.Contains("public required long Id", item);
        Assert.Contains("IReadOnlyList<global::Tests.Shop.Item>? Related", item);
        Assert.Contains("string? Message", result.Source("ShopClient.Failure.g.cs"));
        Assert.Contains("Note", result.Source("ShopClient.NewItem.g.cs"));
        var list = result.Source("ShopClient.ListItemsAsync.g.cs");
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<global::Tests.Shop.Item>> ListItemsAsync(int? pageSize", list);
        Assert.Contains("page_size", list);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void OpenApi3RefsInsidePartsAreRelativeToThePartIncludingLocalRefsAndRefsBackToTheRoot()
    {
        var root = InMemoryAdditionalText.Spec("/api/root.yaml", """
            openapi: 3.0.3
            info: {title: Catalog, version: "1"}
            paths:
              /orders:
                $ref: 'paths/orders.yaml'
            components:
              schemas:
                Local:
                  type: object
                  properties:
                    order:
                      $ref: 'models/common.yaml#/components/schemas/Order'
            """, "Tests.Catalog", "CatalogClient");
        var paths = new InMemoryAdditionalText("/api/paths/orders.yaml", """
            get:
              operationId: listOrders
              responses:
                "200":
                  description: orders
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '../root.yaml#/components/schemas/Local'
            """);
        var common = new InMemoryAdditionalText("/api/models/common.yaml", """
            openapi: 3.0.3
            info: {title: shared, version: "1"}
            paths: {}
            components:
              schemas:
                Order:
                  type: object
                  properties:
                    id: {type: string}
                    lines:
                      type: array
                      items:
                        $ref: '#/components/schemas/OrderLine'
                OrderLine:
                  type: object
                  properties:
                    quantity: {type: integer, format: int32}
            """, new Dictionary<string, string> { ["CodegenSpec"] = "false" });

        var result = GeneratorHarness.Run(new[] { root, paths, common });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("IReadOnlyList<global::Tests.Catalog.OrderLine>? Lines", result.Source("CatalogClient.Order.g.cs"));
        Assert.Contains("int? Quantity", result.Source("CatalogClient.OrderLine.g.cs"));
        Assert.Contains("global::Tests.Catalog.Order? Order", result.Source("CatalogClient.Local.g.cs"));
        Assert.Contains("IReadOnlyList<global::Tests.Catalog.Local>", result.Source("CatalogClient.ListOrdersAsync.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void TwoPartsWithTheSameBaseNameGetDistinctTypesAndCG0004()
    {
        var root = MultiFileSpecs.RootReturning("/x/root.yaml", """
            type: object
            properties:
              first: {$ref: 'v1/Thing.yaml'}
              second: {$ref: 'v2/Thing.yaml'}
            """, "Tests.Two", "TwoClient");
        var v1 = new InMemoryAdditionalText("/x/v1/Thing.yaml", "type: object\nproperties:\n  a: {type: string}\n");
        var v2 = new InMemoryAdditionalText("/x/v2/Thing.yaml", "type: object\nproperties:\n  b: {type: boolean}\n");

        var result = GeneratorHarness.Run(new[] { root, v1, v2 });

        var collision = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CG0004");
        Assert.Equal("/x/v2/Thing.yaml", collision.Location.GetLineSpan().Path);
        Assert.Contains("string? A", result.Source("TwoClient.Thing.g.cs"));
        Assert.Contains("bool? B", result.Source("TwoClient.Thing2.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void JsonPartsThatReferenceEachOtherInACycleBecomeTwoTypesThatReferToEachOther()
    {
        var root = InMemoryAdditionalText.Spec("/c/api.json", """
            {
              "openapi": "3.1.0",
              "info": {"title": "Cycle", "version": "1"},
              "paths": {
                "/people": {
                  "get": {
                    "operationId": "getPerson",
                    "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "people/Person.json"}}}}}
                  }
                }
              }
            }
            """, "Tests.Cycle", "CycleClient");
        var person = new InMemoryAdditionalText("/c/people/Person.json",
            """{"type": "object", "properties": {"name": {"type": "string"}, "employer": {"$ref": "../org/Company.json"}}}""");
        var company = new InMemoryAdditionalText("/c/org/Company.json",
            """{"type": "object", "properties": {"title": {"type": "string"}, "staff": {"type": "array", "items": {"$ref": "../people/Person.json"}}}}""");

        var result = GeneratorHarness.Run(new[] { root, person, company });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("global::Tests.Cycle.Company? Employer", result.Source("CycleClient.Person.g.cs"));
        Assert.Contains("IReadOnlyList<global::Tests.Cycle.Person>? Staff", result.Source("CycleClient.Company.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void DiscriminatorMappingToPartFilesNamesTheCopiedSchemas()
    {
        var root = InMemoryAdditionalText.Spec("/d/api.yaml", """
            openapi: 3.0.3
            info: {title: Pets, version: "1"}
            paths:
              /pet:
                get:
                  operationId: getPet
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            oneOf:
                              - $ref: 'pets/Cat.yaml'
                              - $ref: 'pets/Dog.yaml'
                            discriminator:
                              propertyName: kind
                              mapping:
                                feline: 'pets/Cat.yaml'
                                canine: 'pets/Dog.yaml'
            """, "Tests.Pets", "PetsClient");
        var cat = new InMemoryAdditionalText("/d/pets/Cat.yaml", "type: object\nrequired: [kind]\nproperties:\n  kind: {type: string}\n  purrs: {type: boolean}\n");
        var dog = new InMemoryAdditionalText("/d/pets/Dog.yaml", "type: object\nrequired: [kind]\nproperties:\n  kind: {type: string}\n  barks: {type: boolean}\n");

        var result = GeneratorHarness.Run(new[] { root, cat, dog });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var union = Assert.Single(result.Sources, s => s.SourceText.ToString().Contains("global::Tests.Pets.Cat? Cat", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("\"feline\"", union);
        Assert.Contains("\"canine\"", union);
        result.AssertCompilesCleanly();
    }
}
