using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>A JSON body that is a list or dictionary of records is validated item by item before anything is sent.</summary>
public sealed class CollectionBodyValidationTests
{
    private const string Harness = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Codegen.Runtime.Transport;
        using Codegen.Runtime.Validation;
        using Tests.Batch;

        namespace BatchHarness
        {
            public static class Calls
            {
                // Nothing listens on port 9: a request that got past validation would fail to connect instead.
                private static BatchClient Client() =>
                    new(new ApiInvoker(new HttpClient(), BatchApi.Description, new ApiClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/") }));

                public static async Task<string> PostList()
                {
                    try
                    {
                        await Client().CreateUsersAsync(new List<User> { new() { Name = "ok" }, new() { Name = "" } });
                        return "sent";
                    }
                    catch (RequestValidationException exception)
                    {
                        return string.Join("\n", exception.Errors);
                    }
                }

                public static async Task<string> PutMap()
                {
                    try
                    {
                        await Client().PutUsersAsync(new Dictionary<string, User> { ["admin"] = new() { Name = "" } });
                        return "sent";
                    }
                    catch (RequestValidationException exception)
                    {
                        return string.Join("\n", exception.Errors);
                    }
                }
            }
        }
        """;

    private static GenerationResult Run() => GeneratorHarness.Run(new[]
    {
        InMemoryAdditionalText.Spec("/p/batch.yaml", """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /users:
                post:
                  operationId: createUsers
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: array, items: {$ref: '#/components/schemas/User'}}
                  responses:
                    '204': {description: done}
                put:
                  operationId: putUsers
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, additionalProperties: {$ref: '#/components/schemas/User'}}
                  responses:
                    '204': {description: done}
            components:
              schemas:
                User:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, minLength: 1}
            """, "Tests.Batch", "BatchClient"),
    }, Harness);

    [Fact]
    public async Task InvalidItemOfAListOrDictionaryBodyIsReportedWithItsPlaceAndNothingIsSent()
    {
        var result = Run();
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        var listErrors = await (Task<string>)assembly.Type("BatchHarness.Calls").GetMethod("PostList")!.Invoke(null, null)!;
        var mapErrors = await (Task<string>)assembly.Type("BatchHarness.Calls").GetMethod("PutMap")!.Invoke(null, null)!;

        Assert.Contains("[1].name", listErrors);
        Assert.DoesNotContain("[0]", listErrors);
        Assert.Contains("admin.name", mapErrors);
    }
}
