using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Bodies;

/// <summary>What the generator makes of non-JSON and non-object bodies: signatures, types and located warnings.</summary>
public sealed class BodyGenerationTests
{
    private static readonly Lazy<GenerationResult> Generated = new(() => GeneratorHarness.Run(new[] { Specs.Bodies() }));

    [Fact]
    public void EveryBodyKindGeneratesCodeThatCompilesWithoutWarnings()
    {
        Generated.Value.AssertCompilesCleanly();
    }

    [Fact]
    public void OnlyWhatCannotBeSentIsACG0005AtItsPlaceAndNoOperationIsLeftOut()
    {
        var diagnostics = Generated.Value.GeneratorDiagnostics.Where(d => d.Id == "CG0005").ToList();

        Assert.Equal(2, diagnostics.Count);
        var body = Assert.Single(diagnostics, d => d.GetMessage().Contains("application/xml"));
        Assert.Equal((170, 9), Position(body));
        Assert.Contains("the body is not sent", body.GetMessage());
        var field = Assert.Single(diagnostics, d => d.GetMessage().Contains("'Media'"));
        Assert.Equal((216, 9), Position(field));
        Assert.Contains("it is not sent", field.GetMessage());
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.DoesNotContain(Generated.Value.GeneratorDiagnostics, d => d.GetMessage().Contains("not generated"));
        Assert.Equal(9, Generated.Value.Sources.Count(s => s.HintName.EndsWith("Async.g.cs", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("CreateMessageAsync", "Task<global::Tests.Bodies.Message> CreateMessageAsync(global::Tests.Bodies.NewMessage body,")]
    [InlineData("UploadFileAsync", "Task<global::Tests.Bodies.Message> UploadFileAsync(global::Tests.Bodies.UploadFileForm body,")]
    [InlineData("PutBlobAsync", "Task PutBlobAsync(string id, global::System.IO.Stream body,")]
    [InlineData("GetBlobAsync", "Task<global::Codegen.Runtime.Transport.ApiStreamResponse> GetBlobAsync(string id,")]
    [InlineData("CreateNoteAsync", "Task<string> CreateNoteAsync(string? body = null,")]
    [InlineData("SumNumbersAsync", "Task<int> SumNumbersAsync(global::System.Collections.Generic.IReadOnlyList<int> body,")]
    [InlineData("PutLabelsAsync", "Task PutLabelsAsync(global::System.Collections.Generic.IReadOnlyDictionary<string, string>? body = null,")]
    [InlineData("PostLegacyAsync", "Task PostLegacyAsync(string? trace = null,")]
    public void EachBodyKindHasTheDocumentedParameterAndResultTypes(string method, string signature)
    {
        Assert.Contains(signature, Generated.Value.Source("BodiesClient." + method + ".g.cs"));
    }

    [Fact]
    public void MultipartFilesAreApiFilesInThePartsClassWhileJsonPropertiesWithFormatBinaryStayStrings()
    {
        var upload = Generated.Value.Source("BodiesClient.UploadFileAsync.g.cs");

        Assert.Contains("public required global::Codegen.Runtime.Transport.ApiFile File { get; init; }", upload);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::Codegen.Runtime.Transport.ApiFile>? Attachments { get; init; }", upload);
        Assert.Contains("public global::Tests.Bodies.Metadata? Metadata { get; init; }", upload);
    }

    [Fact]
    public void SwaggerFormDataParametersBecomeAFormOrMultipartBodyAndFilesPreferMultipart()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/swagger.yaml", """
            swagger: '2.0'
            info: {title: t, version: '1'}
            host: api.example.test
            basePath: /v1
            schemes: [https]
            paths:
              /pets/{id}:
                post:
                  operationId: updatePet
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: id, in: path, required: true, type: string}
                    - {name: name, in: formData, required: true, type: string}
                    - {name: age, in: formData, type: integer}
                  responses: {'204': {description: ok}}
              /pets/{id}/photo:
                post:
                  operationId: uploadPhoto
                  consumes: [application/x-www-form-urlencoded, multipart/form-data]
                  parameters:
                    - {name: id, in: path, required: true, type: string}
                    - {name: note, in: formData, type: string}
                    - {name: photo, in: formData, required: true, type: file}
                  responses: {'204': {description: ok}}
            """, "Tests.Pets", "PetsClient") });

        result.AssertCompilesCleanly();
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0005");
        Assert.Contains("request.SetFormBody(UpdatePetFormFields(body));", result.Source("PetsClient.UpdatePetAsync.g.cs"));
        var upload = result.Source("PetsClient.UploadPhotoAsync.g.cs");
        Assert.Contains("public required global::Codegen.Runtime.Transport.ApiFile Photo { get; init; }", upload);
        Assert.Contains("parts.AddFile(\"photo\", body.Photo);", upload);
    }

    [Fact]
    public void SwaggerFileAnswerWithoutProducesIsAStreamAndATextNumberIsAString()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/files.yaml", """
            swagger: '2.0'
            info: {title: t, version: '1'}
            host: api.example.test
            paths:
              /photo:
                get:
                  operationId: getPhoto
                  responses: {'200': {description: the photo, schema: {type: file}}}
              /count:
                get:
                  operationId: getCount
                  produces: [text/plain]
                  responses: {'200': {description: how many, schema: {type: integer}}}
            """, "Tests.Files", "FilesClient") });

        result.AssertCompilesCleanly();
        Assert.Contains("Task<global::Codegen.Runtime.Transport.ApiStreamResponse> GetPhotoAsync(", result.Source("FilesClient.GetPhotoAsync.g.cs"));
        Assert.Contains("Task<string> GetCountAsync(", result.Source("FilesClient.GetCountAsync.g.cs"));
    }

    private static (int Line, int Column) Position(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }
}
