using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>The method has one result (the lowest 2xx); another 2xx with a different body is a located CG0005.</summary>
public sealed class SeveralSuccessResponsesTests
{
    [Fact]
    public void SecondSuccessBodyOfAnotherTypeIsAWarningAtItsResponse()
    {
        var result = GeneratorHarness.Run(new[]
        {
            InMemoryAdditionalText.Spec("/p/multi.yaml", """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /jobs:
                    post:
                      operationId: startJob
                      responses:
                        '200':
                          description: done at once
                          content:
                            application/json:
                              schema: {type: object, properties: {result: {type: string}}}
                        '202':
                          description: accepted, still running
                          content:
                            application/json:
                              schema: {type: object, properties: {jobId: {type: string}}}
                        '204':
                          description: nothing to do
                  /same:
                    get:
                      operationId: getSame
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                        '203':
                          description: ok from a cache
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing'}
                components:
                  schemas:
                    Thing: {type: object, properties: {id: {type: string}}}
                """, "Tests.Multi", "MultiClient"),
        });
        result.AssertCompilesCleanly();

        var warning = Single(result.GeneratorDiagnostics, "CG0005", 13, 9);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("(202)", warning.GetMessage());
        Assert.Contains("the method returns the 200 body", warning.GetMessage());
        Assert.Contains("Task<global::Tests.Multi.StartJobResponse> StartJobAsync(", result.Source("MultiClient.StartJobAsync.g.cs"));
    }
}
