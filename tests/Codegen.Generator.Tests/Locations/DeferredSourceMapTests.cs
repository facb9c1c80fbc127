using Codegen.Generator.Reading;
using Xunit;

namespace Codegen.Generator.Tests.Locations;

/// <summary>A deferred map tokenizes its text only when asked, and then answers exactly as an eager one.</summary>
public sealed class DeferredSourceMapTests
{
    private const string Yaml = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a:\n    get:\n      operationId: getA\n";

    [Fact]
    public void NothingIsTokenizedUntilALocationIsAskedFor()
    {
        var map = SourceMap.Deferred("/p/a.yaml", Yaml);

        Assert.False(map.IsTokenized);
        _ = map.Locate("/paths/~1a/get");
        Assert.True(map.IsTokenized);
    }

    [Theory]
    [InlineData("/p/a.yaml", Yaml)]
    [InlineData("/p/b.yaml", "openapi: 3.1.0\ninfo:\n  title: [unclosed\n")]
    [InlineData("/p/c.json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\"")]
    public void ADeferredMapAnswersLikeAnEagerOne(string path, string text)
    {
        var eager = SourceMap.Build(path, text);
        var deferred = SourceMap.Deferred(path, text);

        Assert.Equal(eager.SyntaxError, deferred.SyntaxError);
        foreach (var pointer in new[] { "", "/info", "/info/title", "/paths/~1a/get/operationId", "/nowhere" })
        {
            Assert.Equal(eager.Locate(pointer), deferred.Locate(pointer));
        }
    }
}
