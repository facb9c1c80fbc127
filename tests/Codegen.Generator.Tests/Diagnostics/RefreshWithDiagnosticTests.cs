using Codegen.Generator.Tests.Infrastructure;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary><c>x-codegen-refresh-with</c>: a valid one becomes a client method; a bad one is a located CG0015 and no method.</summary>
public sealed class RefreshWithDiagnosticTests
{
    // The extension is on lines 24–27; {0} is the operation, {1} the parameter, {2} the property it takes.
    internal static string Spec(string operation, string parameter, string property) => $$$"""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /links/{linkId}:
            get:
              operationId: getLink
              parameters:
                - {name: linkId, in: path, required: true, schema: {type: integer, format: int64}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Link'}
        components:
          schemas:
            Link:
              type: object
              properties:
                id: {type: integer, format: int64}
                url:
                  type: string
                  x-codegen-expires-after: PT2H
                  x-codegen-refresh-with:
                    operation: {{{operation}}}
                    parameters:
                      {{{parameter}}}: {{{property}}}
        """;

    [Fact]
    public void AValidRefreshWithGivesTheClientAGetFreshMethodThatCompiles()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/links.yaml", Spec("getLink", "linkId", "id"), "Tests.Links", "LinksClient") });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0015");
        var source = result.Source("LinksClient.Refresh.g.cs");
        Assert.Contains("GetFreshUrlAsync(global::Tests.Links.Link value, global::System.DateTimeOffset issuedAt", source);
        Assert.Contains("GetLinkAsync(linkId: argument0, cancellationToken: cancellationToken)", source);
        Assert.Contains("FromTicks(72000000000L)", source);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void AnUnknownOperationIsCG0015AtTheOperationKeyAndNoMethodIsGenerated()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/links.yaml", Spec("getLinks", "linkId", "id"), "Tests.Links", "LinksClient") });

        var diagnostic = Single(result.GeneratorDiagnostics, "CG0015", 25, 13);
        Assert.Contains("no operation has the operationId 'getLinks'", diagnostic.GetMessage());
        Assert.DoesNotContain(result.Sources, s => s.HintName == "LinksClient.Refresh.g.cs");
    }

    [Fact]
    public void AnUnknownParameterIsCG0015AtItsKey()
    {
        var diagnostic = Single(Run(Spec("getLink", "link", "id")), "CG0015", 27, 15);
        Assert.Contains("has no parameter 'link'", diagnostic.GetMessage());
    }

    [Fact]
    public void AnUnknownPropertyIsCG0015AtTheParameterThatNamesIt()
    {
        var diagnostic = Single(Run(Spec("getLink", "linkId", "identifier")), "CG0015", 27, 15);
        Assert.Contains("Link has no property 'identifier'", diagnostic.GetMessage());
    }

    [Fact]
    public void RefreshWithoutAnExpiryIsCG0015AtTheExtension()
    {
        var yaml = Spec("getLink", "linkId", "id").Replace("          x-codegen-expires-after: PT2H\n", "");
        var diagnostic = Single(Run(yaml), "CG0015", 23, 11);
        Assert.Contains("x-codegen-expires-after", diagnostic.GetMessage());
    }
}
