using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Schemas;

/// <summary>
/// <c>allOf: [{$ref: X}, {description: ...}]</c> describes a reference in OpenAPI 3.0 (where <c>$ref</c> siblings are
/// ignored): the value is X, not a new, empty type.
/// </summary>
public sealed class AllOfAnnotationTests
{
    private static GenerationResult Run(string components)
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
                          schema: {$ref: '#/components/schemas/Holder'}
            components:
              schemas:
            {{components}}
            """;
        return GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/a.yaml", yaml, "Tests.AllOfNotes", "NotesClient") });
    }

    private static IReadOnlyList<string> Files(GenerationResult result) =>
        result.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void ReferenceWithADescriptionMemberIsTheReferencedUnion()
    {
        var result = Run("""
                File:
                  type: object
                  required: [type]
                  properties:
                    type: {type: string, enum: [file]}
                    size: {type: integer}
                Folder:
                  type: object
                  required: [type]
                  properties:
                    type: {type: string, enum: [folder]}
                Item:
                  type: object
                  oneOf:
                    - {$ref: '#/components/schemas/File'}
                    - {$ref: '#/components/schemas/Folder'}
                  discriminator: {propertyName: type, mapping: {file: '#/components/schemas/File', folder: '#/components/schemas/Folder'}}
                Holder:
                  type: object
                  properties:
                    item:
                      allOf:
                        - {$ref: '#/components/schemas/Item'}
                        - {description: The file or folder., readOnly: true}
                      nullable: true
            """);
        result.AssertCompilesCleanly();

        var files = Files(result);
        Assert.Contains("NotesClient.Item.g.cs", files);
        Assert.Contains("NotesClient.File.g.cs", files);
        Assert.Contains("NotesClient.Folder.g.cs", files);
        Assert.DoesNotContain(files, f => f.StartsWith("NotesClient.Item2", StringComparison.Ordinal) || f.StartsWith("NotesClient.HolderItem", StringComparison.Ordinal));
        Assert.Contains("global::Tests.AllOfNotes.Item? Item", result.Source("NotesClient.Holder.g.cs"));
    }

    [Fact]
    public void MemberWithAConstraintStillComposes()
    {
        var result = Run("""
                Base:
                  type: object
                  properties:
                    id: {type: string}
                Holder:
                  allOf:
                    - {$ref: '#/components/schemas/Base'}
                    - type: object
                      properties:
                        extra: {type: integer}
            """);
        result.AssertCompilesCleanly();

        var holder = result.Source("NotesClient.Holder.g.cs");
        Assert.Contains("Id", holder);
        Assert.Contains("Extra", holder);
    }
}
