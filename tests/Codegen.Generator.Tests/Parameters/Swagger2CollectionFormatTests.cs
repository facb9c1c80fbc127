using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Parameters;

/// <summary>
/// Swagger 2.0 <c>collectionFormat</c> on the wire. Microsoft.OpenApi 3.11 maps ssv and pipes to spaceDelimited and
/// pipeDelimited, but reads csv (the default) and multi alike as an exploded form; only multi repeats the name.
/// </summary>
public sealed class Swagger2CollectionFormatTests
{
    private const string Spec = """
        swagger: "2.0"
        info: {title: Find, version: "1"}
        host: 127.0.0.1
        parameters:
          tags: {name: tags, in: query, type: array, items: {type: string}, collectionFormat: multi}
        paths:
          /find:
            get:
              operationId: find
              parameters:
                - {name: plain, in: query, type: array, items: {type: string}}
                - {name: csv, in: query, type: array, items: {type: string}, collectionFormat: csv}
                - {name: multi, in: query, type: array, items: {type: string}, collectionFormat: multi}
                - {name: ssv, in: query, type: array, items: {type: string}, collectionFormat: ssv}
                - {name: pipes, in: query, type: array, items: {type: string}, collectionFormat: pipes}
                - $ref: "#/parameters/tags"
                - {name: X-Ids, in: header, type: array, items: {type: integer}}
              responses: {"200": {description: Found.}}
        """;

    private const string Harness = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Tests.Find;

        namespace TestHarness
        {
            public static class FindProbe
            {
                public static async Task Send(string baseAddress)
                {
                    var services = new ServiceCollection();
                    services.AddFindClient(options => options.BaseAddress = new Uri(baseAddress));
                    using var provider = services.BuildServiceProvider();
                    var client = provider.GetRequiredService<FindClient>();
                    var list = new[] { "a", "b c" };
                    await client.FindAsync(plain: list, csv: list, multi: list, ssv: list, pipes: list, tags: list, xIds: new[] { 1, 2 });
                }
            }
        }
        """;

    [Fact]
    public async Task CsvJoinsWithCommasAndOnlyMultiRepeatsTheName()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/project/specs/find.yaml", Spec, "Tests.Find", "FindClient") }, Harness);
        result.AssertCompilesCleanly();
        using var assembly = result.Load();
        await using var server = await RecordingServer.StartAsync();

        await (Task)assembly.Call("TestHarness.FindProbe", "Send", server.BaseAddress.ToString())!;

        var request = Assert.Single(server.Requests);
        Assert.Equal(
            "/find?plain=a%2Cb%20c&csv=a%2Cb%20c&multi=a&multi=b%20c&ssv=a%20b%20c&pipes=a%7Cb%20c&tags=a&tags=b%20c",
            request.RawTarget);
        Assert.Equal("1,2", request.Header("X-Ids"));
    }

    [Fact]
    public void DocumentThatNeverSaysMultiSendsEveryFormListAsOneCommaSeparatedValue()
    {
        var spec = Spec.Replace("collectionFormat: multi", "collectionFormat: csv");

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/project/specs/find.yaml", spec, "Tests.Find", "FindClient") });

        var source = result.Source("FindClient.FindAsync.g.cs");
        Assert.DoesNotContain("ParameterStyle.Form, true", source);
        Assert.Contains("AddQuery(request, \"tags\", tagsValue, global::Codegen.Runtime.Transport.ParameterStyle.Form, false);", source);
    }

    [Fact]
    public void TsvWhichMicrosoftOpenApiCannotReadIsReportedNotThrown()
    {
        var spec = Spec.Replace("collectionFormat: pipes", "collectionFormat: tsv");

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/project/specs/find.yaml", spec, "Tests.Find", "FindClient") });

        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CG0006");
    }
}
