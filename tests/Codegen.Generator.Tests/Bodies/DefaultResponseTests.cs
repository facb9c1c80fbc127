using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>An operation that declares no 2xx answer, only <c>default</c>, returns the <c>default</c> body.</summary>
public sealed class DefaultResponseTests
{
    private static GenerationResult Run() => GeneratorHarness.Run(new[]
    {
        InMemoryAdditionalText.Spec("/p/default.yaml", """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /status:
                get:
                  operationId: getStatus
                  responses:
                    default:
                      description: the status, or an error
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              state: {type: string}
              /items:
                get:
                  operationId: listItems
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {type: string}}
                    default:
                      description: an error
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              message: {type: string}
            """, "Tests.Defaults", "DefaultsClient"),
    });

    [Fact]
    public void DefaultOnlyOperationReturnsTheDefaultBody()
    {
        var result = Run();
        result.AssertCompilesCleanly();

        Assert.Contains("Task<global::Tests.Defaults.GetStatusResponse> GetStatusAsync(", result.Source("DefaultsClient.GetStatusAsync.g.cs"));
    }

    [Fact]
    public void WithA2xxResponseDefaultStaysTheErrorAnswer()
    {
        var result = Run();

        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<string>> ListItemsAsync(", result.Source("DefaultsClient.ListItemsAsync.g.cs"));
        Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("ListItemsResponse", StringComparison.Ordinal));
    }
}
