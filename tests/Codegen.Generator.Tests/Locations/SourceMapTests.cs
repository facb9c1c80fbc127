using Codegen.Generator.Tests.Infrastructure;
using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Xunit;

namespace Codegen.Generator.Tests.Locations;

public sealed class SourceMapTests
{
    private const string Yaml = """
        openapi: 3.1.0
        paths:
          /users/{userId}/meetings:
            post:
              operationId: meetingCreate
        components:
          schemas:
            Meeting:
              type: object
              required: [topic, type]
              properties:
                topic:
                  type: string
                  maxLength: 200
                tags:
                  - first
                  - second: 2
        """;

    private static (int Line, int Column) Start(SourceLocation? location)
    {
        Assert.NotNull(location);
        return (location!.StartLine, location.StartColumn);
    }

    private static string Text(string text, SourceLocation? location) => text.Substring(location!.Start, location.Length);

    [Fact]
    public void YamlMappingKeysAreLocatedAtTheKey()
    {
        var map = SourceMap.Build("spec.yaml", Yaml);
        Assert.Null(map.SyntaxError);
        var location = map.Locate("/components/schemas/Meeting/properties/topic/maxLength");
        Assert.Equal((13, 10), Start(location));
        Assert.Equal("maxLength", Text(Yaml, location));
        Assert.Equal((13, 19), (location!.EndLine, location.EndColumn));
        Assert.Equal("spec.yaml", location.FilePath);
    }

    [Fact]
    public void YamlSequenceItemsAndFlowItemsAreLocatedAtTheItem()
    {
        var map = SourceMap.Build("spec.yaml", Yaml);
        Assert.Equal("first", Text(Yaml, map.Locate("/components/schemas/Meeting/properties/tags/0")));
        Assert.Equal((16, 12), Start(map.Locate("/components/schemas/Meeting/properties/tags/1")));
        Assert.Equal("second", Text(Yaml, map.Locate("/components/schemas/Meeting/properties/tags/1/second")));
        Assert.Equal("type", Text(Yaml, map.Locate("/components/schemas/Meeting/required/1")));
    }

    [Fact]
    public void EscapedSlashInAPointerFindsAPathKey()
    {
        var map = SourceMap.Build("spec.yaml", Yaml);
        Assert.Equal((4, 6), Start(map.Locate("/paths/~1users~1{userId}~1meetings/post/operationId")));
        Assert.Equal((4, 6), Start(map.Locate("#/paths/~1users~1%7BuserId%7D~1meetings/post/operationId")));
    }

    [Fact]
    public void MissingPointerFallsBackToTheNearestExistingAncestor()
    {
        var map = SourceMap.Build("spec.yaml", Yaml);
        Assert.Equal((10, 6), Start(map.Locate("/components/schemas/Meeting/properties/nope/minimum")));
        Assert.Equal((0, 0), Start(map.Locate("/nothing/here")));
        Assert.Equal((0, 0), Start(map.Locate("")));
        Assert.Equal((0, 0), Start(map.Locate("/")));
    }

    [Fact]
    public void TildeZeroInAPointerIsALiteralTilde()
    {
        const string text = "a~b:\n  c/d: 1\n";
        var map = SourceMap.Build("x.yaml", text);
        Assert.Equal((1, 2), Start(map.Locate("/a~0b/c~1d")));
    }

    [Fact]
    public void ByteOrderMarkAndCrlfLineEndingsKeepColumnsRight()
    {
        const string text = "\uFEFFopenapi: 3.0.0\r\ninfo:\r\n  title: t\r\n";
        var yaml = SourceMap.Build("spec.yaml", text);
        var location = yaml.Locate("/info/title");
        Assert.Equal((2, 2), Start(location));
        Assert.Equal("title", Text(text, location));
        Assert.Equal((0, 1), Start(yaml.Locate("/openapi")));

        const string json = "\uFEFF{\r\n  \"info\": {\r\n    \"title\": \"t\"\r\n  }\r\n}";
        var jsonMap = SourceMap.Build("spec.json", json);
        Assert.Null(jsonMap.SyntaxError);
        var jsonLocation = jsonMap.Locate("/info/title");
        Assert.Equal((2, 4), Start(jsonLocation));
        Assert.Equal("\"title\"", Text(json, jsonLocation));
    }

    [Fact]
    public void MultiByteTextBeforeANodeDoesNotShiftJsonColumns()
    {
        // "é" is 2 UTF-8 bytes, "😀" is 4 bytes and 2 UTF-16 chars: offsets must be in chars, not bytes.
        const string json = "{\"description\": \"café 😀\", \"x\": {\"y\": [10, true]}}";
        var map = SourceMap.Build("spec.json", json);
        Assert.Equal("\"x\"", Text(json, map.Locate("/x")));
        Assert.Equal("\"y\"", Text(json, map.Locate("/x/y")));
        Assert.Equal("true", Text(json, map.Locate("/x/y/1")));
        Assert.Equal((0, 43), Start(map.Locate("/x/y/1")));
    }

    [Fact]
    public void MultiByteTextBeforeANodeDoesNotShiftYamlColumns()
    {
        const string text = "info: {description: \"café 😀\", title: x}\n";
        var map = SourceMap.Build("spec.yaml", text);
        Assert.Equal("title", Text(text, map.Locate("/info/title")));
    }

    [Fact]
    public void JsonEscapedKeysAreMatchedByTheirValue()
    {
        const string json = "{\"paths\": {\"\\/a\\u0062\": {\"get\": 1}}}";
        var map = SourceMap.Build("spec.json", json);
        Assert.Equal("\"get\"", Text(json, map.Locate("/paths/~1ab/get")));
    }

    [Theory]
    [InlineData("a: [1, 2\nb: 3\n", 1, 1)]
    [InlineData("a:\n  b: 1\n c: 2\n", 2, 1)]
    [InlineData("a: 'unterminated\n", 0, 3)]
    public void MalformedYamlGivesALocatedSyntaxError(string text, int line, int column)
    {
        var map = SourceMap.Build("bad.yaml", text);
        Assert.NotNull(map.SyntaxError);
        Assert.Equal("CG0050", map.SyntaxError!.Id);
        Assert.Equal((line, column), Start(map.SyntaxError.Location));
        Assert.DoesNotContain("Lin:", map.SyntaxError.MessageArgs[0]);
    }

    [Theory]
    [InlineData("{\n  \"a\": 1,\n  \"b\" 2\n}", 2, 6)]
    [InlineData("{\"é\": [1, 2,, 3]}", 0, 12)]
    [InlineData("{\"a\": {\"b\": 1}", 0, 14)]
    public void MalformedJsonGivesALocatedSyntaxError(string text, int line, int column)
    {
        var map = SourceMap.Build("bad.json", text);
        Assert.NotNull(map.SyntaxError);
        Assert.Equal("CG0050", map.SyntaxError!.Id);
        Assert.Equal((line, column), Start(map.SyntaxError.Location));
    }

    [Fact]
    public void NodesBeforeASyntaxErrorAreStillLocated()
    {
        var map = SourceMap.Build("bad.yaml", "info:\n  title: t\npaths: [\n");
        Assert.NotNull(map.SyntaxError);
        Assert.Equal((1, 2), Start(map.Locate("/info/title")));
    }

    [SharedDataFact]
    public void RandomTruncationsOfARealSpecNeverThrow()
    {
        string text = File.ReadAllText(SharedFiles.Path("corpus", "oai", "v3.0-petstore.yaml"));
        var random = new Random(20261126);
        int errors = 0;
        for (int i = 0; i < 300; i++)
        {
            string truncated = text.Substring(0, random.Next(text.Length));
            if (i % 3 == 0 && truncated.Length > 0)
            {
                // also damage the middle, not only the end
                int at = random.Next(truncated.Length);
                truncated = truncated.Remove(at, 1).Insert(at, "[{\"'\t:");
            }
            var map = SourceMap.Build(i % 2 == 0 ? "spec.yaml" : "spec.json", truncated);
            _ = map.Locate("/paths/~1pets/get/parameters/0/name");
            _ = map.Locate("#/components/schemas/Pet");
            if (map.SyntaxError is { } error)
            {
                errors++;
                Assert.NotNull(error.Location);
                Assert.InRange(error.Location!.Start, 0, truncated.Length);
            }
        }
        Assert.True(errors > 100, $"only {errors} truncations were reported as malformed");
    }

    [Fact]
    public void KeysAfterBlockScalarsAnchorsAndAliasesAreLocated()
    {
        const string text = "a:\n  description: >-\n    folded\n    text\n  base: &base\n    x: 1\n  copy: *base\n  after: |\n    kept\n\n  last: 2\n";
        var map = SourceMap.Build("spec.yaml", text);
        Assert.Null(map.SyntaxError);
        Assert.Equal((4, 2), Start(map.Locate("/a/base")));
        Assert.Equal((5, 4), Start(map.Locate("/a/base/x")));
        Assert.Equal((6, 2), Start(map.Locate("/a/copy")));
        Assert.Equal((10, 2), Start(map.Locate("/a/last")));
    }

    [Fact]
    public void AFileWithoutAKnownExtensionIsSniffedAsJsonOrYamlFlowStyle()
    {
        const string json = "{\"a\": {\"b\": 1}}";
        Assert.Equal((0, 7), Start(SourceMap.Build("spec", json).Locate("/a/b")));
        const string flow = "{a: {b: 1}}";
        var map = SourceMap.Build("spec", flow);
        Assert.Null(map.SyntaxError);
        Assert.Equal((0, 5), Start(map.Locate("/a/b")));
    }

    [Fact]
    public void OnlyTheFirstYamlDocumentIsMapped()
    {
        const string text = "a: 1\n---\nb: 2\n";
        var map = SourceMap.Build("spec.yaml", text);
        Assert.True(map.Contains("/a"));
        Assert.False(map.Contains("/b"));
    }

    [SharedDataFact]
    public void ALargeRealJsonSpecIsMappedToTheRightLines()
    {
        string text = File.ReadAllText(SharedFiles.Path("zoom", "zoom-meetings-api-2025-06.json"));
        var map = SourceMap.Build("zoom.json", text);
        Assert.Null(map.SyntaxError);

        var location = map.Locate("/paths/~1users~1{userId}~1meetings/post/operationId");
        Assert.NotNull(location);
        Assert.Equal("\"operationId\"", text.Substring(location!.Start, location.Length));
        // the reported line really is the line that holds the text
        var lines = text.Split('\n');
        Assert.Contains("\"operationId\"", lines[location.StartLine]);
        Assert.Equal("\"operationId\"", lines[location.StartLine].Substring(location.StartColumn, location.Length));
    }

    [Theory]
    [InlineData("spec.yaml")]
    [InlineData("spec.json")]
    public void DeeplyNestedInputDoesNotOverflowTheStack(string fileName)
    {
        string text = new string('[', 100_000) + new string(']', 100_000);
        var map = SourceMap.Build(fileName, text);
        Assert.NotNull(map.Locate("/0/0/0"));
    }

    [SharedDataFact]
    public void TheRealSpecHasNoSyntaxErrorAndItsOperationsAreLocated()
    {
        string text = File.ReadAllText(SharedFiles.Path("corpus", "oai", "v3.0-petstore.yaml"));
        var map = SourceMap.Build("v3.0-petstore.yaml", text);
        Assert.Null(map.SyntaxError);
        var location = map.Locate("/paths/~1pets/get/operationId");
        Assert.Equal("operationId", Text(text, location));
    }

    [Fact]
    public void PointerWithoutTheArrayIndexFindsTheElementThatHasTheRest()
    {
        // Microsoft.OpenApi reports "…/schema/oneOf/properties/b" for the second oneOf branch's property b.
        const string json = """{"schema":{"oneOf":[{"properties":{"a":{"type":"string"}}},{"properties":{"b":{"type":"integer"}}}]}}""";
        var map = SourceMap.Build("spec.json", json);

        var location = map.Locate("#/schema/oneOf/properties/b");

        Assert.Equal("\"b\"", Text(json, location));
        // No element has a property c: the nearest existing ancestor, as for any pointer that does not exist.
        Assert.Equal("\"oneOf\"", Text(json, map.Locate("#/schema/oneOf/properties/c")));
    }
}
