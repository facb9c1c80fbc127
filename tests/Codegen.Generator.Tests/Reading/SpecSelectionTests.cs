using Codegen.Generator.Reading;
using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Reading;

/// <summary>Which AdditionalFiles are specs, and the options each gets.</summary>
public sealed class SpecSelectionTests
{
    private const string Ping = "openapi: 3.0.3\ninfo: {title: p, version: '1'}\npaths:\n  /ping:\n    get:\n      operationId: ping\n      responses: {'204': {description: ok}}\n";

    private static IEnumerable<string> Hints(params InMemoryAdditionalText[] files) =>
        GeneratorHarness.Run(files).Sources.Select(s => s.HintName);

    [Fact]
    public void UnmarkedYamlThatStartsLikeOpenApiIsASpecWithDefaultNames()
    {
        var driver = GeneratorHarness.CreateDriver(
            new[] { new InMemoryAdditionalText("/p/specs/zoom-meetings.yaml", "# comment\n" + Ping) },
            new Dictionary<string, string> { ["RootNamespace"] = "My.App" });

        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation("class A { }")).GetRunResult();

        var client = result.Results.Single().GeneratedSources.Single(s => s.HintName == "ZoomMeetingsClient.g.cs").SourceText.ToString();
        Assert.Contains("namespace My.App.ZoomMeetings", client);
        Assert.Contains("public sealed partial class ZoomMeetingsClient", client);
    }

    [Fact]
    public void JsonSwaggerFileIsSniffedToo()
    {
        var json = """{"swagger":"2.0","info":{"title":"s","version":"1"},"produces":["application/json"],"paths":{"/a":{"get":{"operationId":"getA","responses":{"200":{"description":"ok","schema":{"type":"object","properties":{"a":{"type":"string"}}}}}}}}}""";

        var hints = Hints(new InMemoryAdditionalText("/p/legacy.json", json));

        Assert.Contains("LegacyClient.GetAAsync.g.cs", hints);
        Assert.Contains("LegacyClient.GetAResponse.g.cs", hints);
    }

    [Fact]
    public void OtherYamlAndJsonFilesAreIgnored()
    {
        Assert.Empty(Hints(
            new InMemoryAdditionalText("/p/appsettings.json", """{"Logging":{}}"""),
            new InMemoryAdditionalText("/p/ci.yml", "name: build\non: push\n"),
            new InMemoryAdditionalText("/p/notes.txt", Ping)));
    }

    [Fact]
    public void CodegenSpecFalseOptsOut()
    {
        var file = new InMemoryAdditionalText("/p/ping.yaml", Ping, new Dictionary<string, string> { ["CodegenSpec"] = "false" });

        Assert.Empty(Hints(file));
    }

    [Fact]
    public void MarkedFileIsASpecWhateverItsExtensionAndUsesItsMetadata()
    {
        var file = InMemoryAdditionalText.Spec("/p/api.txt", Ping, "Custom.Space", "PingApiClient");

        var result = GeneratorHarness.Run(new[] { file });

        Assert.Contains("namespace Custom.Space", result.Source("PingApiClient.PingAsync.g.cs"));
        Assert.Contains(result.Sources, s => s.HintName == "PingApiClient.PingApi.g.cs");
    }

    [Theory]
    [InlineData("/p/zoom-meetings.yaml", null, null, "Root", "Root.ZoomMeetings", "ZoomMeetingsClient")]
    [InlineData("/p/zoom-meetings.yaml", null, null, null, "ZoomMeetings", "ZoomMeetingsClient")]
    [InlineData("/p/3d-api.v2.yaml", null, null, "", "Api3dApiV2", "Api3dApiV2Client")]
    [InlineData("/p/x.yaml", "My.Ns", "MyClient", "Root", "My.Ns", "MyClient")]
    [InlineData("/p/x.yaml", "My-Company.9Api", null, null, "My_Company._9Api", "XClient")]
    [InlineData("/p/x.yaml", "My.event.Api", null, null, "My.@event.Api", "XClient")]
    public void DefaultOptionsComeFromTheFileName(string path, string? ns, string? client, string? root, string expectedNs, string expectedClient)
    {
        var options = SpecInputReader.DefaultOptions(path, ns, client, root);

        Assert.Equal((expectedNs, expectedClient), (options.Namespace, options.ClientName));
    }
}
