using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>allOf is flattened at every depth: a parent that is itself composed brings all of its members.</summary>
public sealed class AllOfCompositionTests
{
    [Fact]
    public void GrandparentPropertiesAndTheirTypesReachTheChild()
    {
        var yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /tasks:
                get:
                  operationId: getTask
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/TaskResponse'}
            components:
              schemas:
                Resource:
                  type: object
                  required: [gid]
                  properties:
                    gid: {type: string}
                TaskCompact:
                  allOf:
                    - {$ref: '#/components/schemas/Resource'}
                    - type: object
                      properties:
                        name: {type: string}
                TaskBase:
                  allOf:
                    - {$ref: '#/components/schemas/TaskCompact'}
                    - type: object
                      properties:
                        dependencies:
                          type: array
                          items: {$ref: '#/components/schemas/Resource'}
                TaskResponse:
                  allOf:
                    - {$ref: '#/components/schemas/TaskBase'}
                    - type: object
                      properties:
                        notes: {type: string}
            """;
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/t.yaml", yaml, "Tests.Composition", "TasksClient") });
        result.AssertCompilesCleanly();

        var task = result.Source("TasksClient.TaskResponse.g.cs");
        Assert.Contains("public required string Gid", task);
        Assert.Contains("string? Name", task);
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Tests.Composition.Resource>? Dependencies", task);
        Assert.Contains("string? Notes", task);
        Assert.True(task.IndexOf("Gid", StringComparison.Ordinal) < task.IndexOf("Notes", StringComparison.Ordinal), "inherited members come first");
    }

    [Fact]
    public void DerivedDeclarationOfAPropertyNarrowsTheInheritedOneButADescriptionDoesNot()
    {
        var yaml = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /rates:
                get:
                  operationId: getRate
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/PlaceholderRate'}
            components:
              schemas:
                User: {type: object, properties: {gid: {type: string}}}
                Placeholder: {type: object, properties: {name: {type: string}}}
                Rate:
                  type: object
                  properties:
                    resource: {$ref: '#/components/schemas/User'}
                    rate: {type: number}
                PlaceholderRate:
                  allOf:
                    - {$ref: '#/components/schemas/Rate'}
                    - type: object
                      properties:
                        resource: {$ref: '#/components/schemas/Placeholder'}
                        rate: {description: The rate in the placeholder's currency.}
            """;
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/r.yaml", yaml, "Tests.Narrowing", "RatesClient") });
        result.AssertCompilesCleanly();

        var rate = result.Source("RatesClient.PlaceholderRate.g.cs");
        Assert.Contains("global::Tests.Narrowing.Placeholder? Resource", rate);
        Assert.DoesNotContain("Resource2", rate);
        Assert.Contains("double? Rate", rate);
        Assert.True(rate.IndexOf("? Resource", StringComparison.Ordinal) < rate.IndexOf("? Rate", StringComparison.Ordinal), "the inherited order is kept");
    }
}
