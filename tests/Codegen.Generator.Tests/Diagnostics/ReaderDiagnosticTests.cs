using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary>Each diagnostic CG0001–CG0014 points at the offending line and column of the spec; nothing throws.</summary>
public sealed class ReaderDiagnosticTests
{
    private const string Header = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";

    [Fact]
    public void ReferenceToNowhereIsCG0001AtTheRef()
    {
        var diagnostics = Run(Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Nowhere'
            """);

        var d = Single(diagnostics, "CG0001", 13, 17);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("#/components/schemas/Nowhere", d.GetMessage());
        Assert.DoesNotContain(diagnostics, x => x.Id == "CG0007");
    }

    [Fact]
    public void DuplicateOperationIdIsCG0002AndTheSecondMethodGetsASuffix()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/dup.yaml", Header + """
            paths:
              /a:
                get:
                  operationId: fetch
                  responses: {'204': {description: ok}}
              /b:
                get:
                  operationId: fetch
                  responses: {'204': {description: ok}}
            """, "Tests.Dup", "DupClient") });

        Single(result.GeneratorDiagnostics, "CG0002", 10, 7);
        Assert.Contains(result.Sources, s => s.HintName == "DupClient.FetchAsync.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "DupClient.Fetch2Async.g.cs");
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void MissingOperationIdIsCG0003InfoWithADerivedName()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/noid.yaml", Header + """
            paths:
              /users/{id}/items:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """, "Tests.NoId", "NoIdClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0003", 5, 5);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("GetUsersIdItems", d.GetMessage());
        Assert.Contains(result.Sources, s => s.HintName == "NoIdClient.GetUsersIdItemsAsync.g.cs");
    }

    [Fact]
    public void PropertiesThatCollideAfterConversionAreCG0004AndSuffixed()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/collide.yaml", Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    user_id: {type: string}
                    userId: {type: string}
            """, "Tests.Collide", "CollideClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0004", 17, 9);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var thing = result.Source("CollideClient.Thing.g.cs");
        Assert.Contains("public string? UserId { get; init; }", thing);
        Assert.Contains("public string? UserId2 { get; init; }", thing);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void ComponentNamesThatCollideAreCG0004AndSuffixedInDocumentOrder()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/types.yaml", Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              a: {$ref: '#/components/schemas/meeting'}
                              b: {$ref: '#/components/schemas/Meeting'}
            components:
              schemas:
                meeting: {type: object, properties: {x: {type: string}}}
                Meeting: {type: object, properties: {y: {type: string}}}
            """, "Tests.Types", "TypesClient") });

        Single(result.GeneratorDiagnostics, "CG0004", 20, 5);
        Assert.Contains("public sealed partial record Meeting ", result.Source("TypesClient.Meeting.g.cs"));
        Assert.Contains("public sealed partial record Meeting2 ", result.Source("TypesClient.Meeting2.g.cs"));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void TypeArrayWithSeveralTypesIsCG0005AndTheRestStillGenerates()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/union.yaml", Header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    either:
                      type: [string, integer]
                    name: {type: string}
            """, "Tests.Union", "UnionClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0005", 17, 11);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var thing = result.Source("UnionClient.Thing.g.cs");
        Assert.Contains("global::System.Text.Json.JsonElement? Either", thing);
        Assert.Contains("string? Name", thing);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void RequestBodyThatCannotBeSentIsCG0005AndTheOperationStillGenerates()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/form.yaml", Header + """
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      application/xml:
                        schema: {type: object, properties: {file: {type: string}}}
                  responses: {'204': {description: ok}}
              /ping:
                get:
                  operationId: ping
                  responses: {'204': {description: ok}}
            """, "Tests.Form", "FormClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0005", 8, 9);
        Assert.Contains("the body is not sent", d.GetMessage());
        Assert.Contains(result.Sources, s => s.HintName == "FormClient.UploadAsync.g.cs");
        Assert.Contains(result.Sources, s => s.HintName == "FormClient.PingAsync.g.cs");
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void OpenApiReaderErrorsItReadPastAreCG0017WarningsAtTheOffendingKey()
    {
        var diagnostics = Run(Header + "paths: {}\nfoo: bar\n");

        var d = Single(diagnostics, "CG0017", 4, 1);
        Assert.Contains("foo", d.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.DoesNotContain(diagnostics, x => x.Id == "CG0006");
    }

    [Fact]
    public void UnsupportedOpenApiVersionIsCG0006AtTheVersion()
    {
        var diagnostics = Run("openapi: 9.9.9\ninfo: {title: t, version: '1'}\npaths: {}\n");

        Assert.Contains("9.9.9", Single(diagnostics, "CG0006", 1, 1).GetMessage());
    }

    [Fact]
    public void TruncatedYamlIsLocatedSyntaxErrorAndNoException()
    {
        var diagnostics = Run(Header + "paths:\n  /a:\n    get:\n      operationId: [getA\n");

        Assert.Contains(diagnostics, d => d.Id == "CG0050" && d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().StartLinePosition.Line >= 5);
    }

    [Fact]
    public void PathPlaceholderWithoutParameterIsCG0016AndBecomesARequiredStringParameter()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/path.yaml", Header + """
            paths:
              /items/{itemId}:
                get:
                  operationId: getItem
                  responses: {'204': {description: ok}}
                delete:
                  operationId: deleteItem
                  deprecated: true
                  parameters: [{name: itemId, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """, "Tests.Path", "PathClient") });

        var d = Single(result.GeneratorDiagnostics, "CG0016", 5, 5);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var get = result.Source("PathClient.GetItemAsync.g.cs");
        Assert.Contains("GetItemAsync(string itemId, global::System.Threading.CancellationToken", get);
        Assert.Contains("\"/items/\" + global::System.Uri.EscapeDataString(itemId)", get);
        Assert.Contains("[global::System.Obsolete(", result.Source("PathClient.DeleteItemAsync.g.cs"));
        Assert.Empty(result.CompilationProblems());
    }
}
