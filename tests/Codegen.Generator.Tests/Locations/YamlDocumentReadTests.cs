using Codegen.Generator.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using Xunit;

namespace Codegen.Generator.Tests.Locations;

/// <summary>
/// A YAML spec is tokenized once for both the document and the locations; what Microsoft.OpenApi reads from that
/// tree must be what it reads from the text itself.
/// </summary>
public sealed class YamlDocumentReadTests
{
    // Scalars of every kind YAML converts differently: plain numbers and booleans, quoted ones that stay strings,
    // nulls, block and folded text, a date, keys that need escaping in a pointer, flow collections.
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: "Scalars: every kind"
          version: '1.0'
          description: |
            Two lines,
            kept as written.
        paths:
          /a/{id}:
            get:
              operationId: getA
              summary: >
                folded
                text
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, minimum: 1, maximum: 1e3}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          yes: {type: boolean, default: true, example: false}
                          quoted: {type: string, example: "123", default: 'true'}
                          empty: {type: string, nullable: true, default: null, example: ~}
                          when: {type: string, format: date, example: 2024-05-01}
                          ratio: {type: number, multipleOf: 0.25, example: -1.5e-3}
                          big: {type: integer, format: int64, example: 9007199254740993}
                          list: {type: array, items: {type: string, enum: [a, 'b', "c d"]}}
        """;

    private static string Serialized(OpenApiDocument document)
    {
        var writer = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(writer));
        return writer.ToString();
    }

    private static OpenApiReaderSettings Settings()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return settings;
    }

    [Fact]
    public void TheOnePassTreeReadsAsTheSameDocumentAsTheText()
    {
        var map = SourceMap.Deferred("/p/spec.yaml", Spec);
        var tree = map.ReadYamlDocument();
        Assert.NotNull(tree);

        var fromTree = OpenApiYamlReader.Read(tree!, new Uri(OpenApiConstants.BaseRegistryUri), Settings());
        var fromText = OpenApiDocument.Parse(Spec, "yaml", Settings());

        Assert.Empty(fromText.Diagnostic!.Errors);
        Assert.Empty(fromTree.Diagnostic!.Errors);
        Assert.Equal(Serialized(fromText.Document!), Serialized(fromTree.Document!));
        Assert.Equal(fromText.Diagnostic.SpecificationVersion, fromTree.Diagnostic.SpecificationVersion);
    }

    [Fact]
    public void TheSamePassLocatesNodesLikeASeparateMap()
    {
        var onePass = SourceMap.Deferred("/p/spec.yaml", Spec);
        Assert.NotNull(onePass.ReadYamlDocument());
        Assert.True(onePass.IsTokenized);
        var separate = SourceMap.Build("/p/spec.yaml", Spec);

        foreach (var pointer in new[] { "/info/title", "/paths/~1a~1{id}/get/parameters/0/schema/maximum", "/paths/~1a~1{id}/get/responses/200/content/application~1json/schema/properties/list/items/enum/2", "/nowhere/at/all" })
        {
            Assert.Equal(separate.Locate(pointer), onePass.Locate(pointer));
        }
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo: &i {title: t, version: '1'}\nx-copy: *i\npaths: {}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: !!str 12, version: '1'}\npaths: {}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\npaths: {}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: [unclosed\n")]
    [InlineData("")]
    public void AnythingUnusualIsLeftToThePlainPathAndTheMapStillWorks(string text)
    {
        var map = SourceMap.Deferred("/p/odd.yaml", text);

        Assert.Null(map.ReadYamlDocument());
        Assert.False(map.IsTokenized);
        var eager = SourceMap.Build("/p/odd.yaml", text);
        Assert.Equal(eager.SyntaxError, map.SyntaxError);
        Assert.Equal(eager.Locate("/info/title"), map.Locate("/info/title"));
    }
}
