using Codegen.Generator.Reading;

namespace Codegen.Generator.Tests.Parameters;

/// <summary>The text scan that tells Swagger 2.0 documents apart (their collectionFormat is read from the text).</summary>
public sealed class SwaggerVersionScanTests
{
    [Theory]
    [InlineData("swagger: '2.0'\ninfo: {}", true)]
    [InlineData("swagger: \"2.0\"", true)]
    [InlineData("swagger: 2.0", true)]
    [InlineData("{\"swagger\":\"2.0\",\"info\":{}}", true)]
    [InlineData("{ \"info\": {}, \"swagger\" : \"2.0\" }", true)]
    [InlineData("openapi: 3.0.3\ninfo: {description: 'Made with swagger: 2.0 tools'}", false)]
    [InlineData("openapi: 3.1.0\nx-swagger: '2.0'", false)]
    [InlineData("openapi: 3.0.3\nswaggerVersion: '2.0'", false)]
    [InlineData("openapi: 3.0.3", false)]
    public void OnlyASwaggerMemberWithA2VersionCounts(string text, bool expected) =>
        Assert.Equal(expected, SpecReader.DeclaresSwagger2(text));
}
