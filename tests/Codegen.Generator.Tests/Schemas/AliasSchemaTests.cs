using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>A named schema that is nothing but <c>$ref: X</c> is another name for X, not a second type.</summary>
public sealed class AliasSchemaTests
{
    private static GenerationResult Run(string components, string responseSchema)
    {
        var yaml = $$"""
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {{responseSchema}}
            components:
              schemas:
            {{components}}
            """;
        return GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/a.yaml", yaml, "Tests.Alias", "AliasClient") });
    }

    private static IReadOnlyList<string> Files(GenerationResult result) =>
        result.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void ReferenceToAnAliasUsesTheAliasedType()
    {
        var result = Run("""
                AttachmentBase:
                  $ref: '#/components/schemas/AttachmentCompact'
                AttachmentCompact:
                  type: object
                  properties:
                    gid: {type: string}
                Holder:
                  type: object
                  properties:
                    attachment: {$ref: '#/components/schemas/AttachmentBase'}
                    compact: {$ref: '#/components/schemas/AttachmentCompact'}
            """, "{$ref: '#/components/schemas/Holder'}");
        result.AssertCompilesCleanly();

        Assert.Contains("AliasClient.AttachmentCompact.g.cs", Files(result));
        Assert.DoesNotContain("AliasClient.AttachmentBase.g.cs", Files(result));
        var holder = result.Source("AliasClient.Holder.g.cs");
        Assert.Contains("global::Tests.Alias.AttachmentCompact? Attachment", holder);
        Assert.Contains("global::Tests.Alias.AttachmentCompact? Compact", holder);
    }

    [Fact]
    public void ChainOfAliasesEndsAtTheRealType()
    {
        var result = Run("""
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/C'
                C:
                  type: object
                  properties:
                    id: {type: integer}
            """, "{$ref: '#/components/schemas/A'}");
        result.AssertCompilesCleanly();

        Assert.Contains("AliasClient.C.g.cs", Files(result));
        Assert.DoesNotContain("AliasClient.A.g.cs", Files(result));
        Assert.DoesNotContain("AliasClient.B.g.cs", Files(result));
        Assert.Contains("global::System.Threading.Tasks.Task<global::Tests.Alias.C> GetThingAsync", result.Source("AliasClient.GetThingAsync.g.cs"));
    }

    [Fact]
    public void AliasCycleIsReportedNotLoopedOn()
    {
        var result = Run("""
                A:
                  $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
            """, "{$ref: '#/components/schemas/A'}");

        result.AssertCompilesCleanly();
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id is "CG0001" or "CG0005" or "CG0006" or "CG0017");
    }
}
