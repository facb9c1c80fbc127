using Codegen.Generator.Reading;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Codegen.Generator.Tests.Reading;

/// <summary>A plain <c>$ref</c> is read through its target, resolved once; a <c>$ref</c> with siblings keeps them.</summary>
public sealed class SchemaTargetsTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Email: {type: string, format: email, maxLength: 80, description: An address.}
            Holder:
              type: object
              properties:
                plain: {$ref: '#/components/schemas/Email'}
                shorter: {$ref: '#/components/schemas/Email', maxLength: 20}
                described: {$ref: '#/components/schemas/Email', description: The owner's address.}
        """;

    private static IOpenApiSchema Property(OpenApiDocument document, string name) => document.Components!.Schemas!["Holder"].Properties![name];

    private static OpenApiDocument Read()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return OpenApiDocument.Parse(Spec, "yaml", settings).Document!;
    }

    [Fact]
    public void APlainReferenceReadsAsItsTargetAndIsResolvedOnce()
    {
        var document = Read();
        var plain = (OpenApiSchemaReference)Property(document, "plain");
        int resolutions = 0;
        var targets = new SchemaTargets(reference => { resolutions++; return reference.Target; });

        var first = targets.ValuesOf(plain);
        var second = targets.ValuesOf(plain);

        Assert.Same(document.Components!.Schemas!["Email"], first);
        Assert.Same(first, second);
        Assert.Equal(1, resolutions);
        Assert.Equal(80, first.MaxLength);
    }

    [Theory]
    [InlineData("shorter")]
    [InlineData("described")]
    public void AReferenceWithASiblingKeywordIsReadAsItself(string property)
    {
        var document = Read();
        var reference = (OpenApiSchemaReference)Property(document, property);
        var targets = new SchemaTargets(r => r.Target);

        Assert.Same(reference, targets.ValuesOf(reference));
    }

    [Fact]
    public void GeneratedPropertiesKeepTheSiblingOverridesAndTheTargetsValues()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/holder.yaml", Spec.Replace("paths: {}", """
            paths:
              /h:
                post:
                  operationId: send
                  requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}}
                  responses: {'204': {description: ok}}
            """), "Holder.Api", "HolderClient") });

        var record = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "HolderClient.Holder.g.cs").SourceText.ToString();
        var validation = result.RunResult.Results.Single().GeneratedSources.Single(s => s.HintName == "HolderClient.Holder.Validation.g.cs").SourceText.ToString();
        Assert.Contains("An address.", record);
        Assert.Contains("The owner's address.", record);
        Assert.Contains("80", validation);
        Assert.Contains("20", validation);
    }
}
