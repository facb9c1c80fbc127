using Codegen.Generator.Reading.Bundling;

namespace Codegen.Generator.Tests.MultiFile;

/// <summary>External reference paths resolve relative to the file that has them, on any OS's path form, without touching the disk.</summary>
public sealed class RefPathTests
{
    [Theory]
    [InlineData("/shop/api/shop.yaml", "Item.yaml", "/shop/api/Item.yaml")]
    [InlineData("/shop/api/shop.yaml", "./models/Item.yaml", "/shop/api/models/Item.yaml")]
    [InlineData("/shop/api/shop.yaml", "../common/Failure.yaml", "/shop/common/Failure.yaml")]
    [InlineData("/shop/api/paths/items.yaml", "../../common/Failure.yaml", "/shop/common/Failure.yaml")]
    [InlineData(@"C:\repo\specs\root.yaml", "../shared/Error.json", "C:/repo/shared/Error.json")]
    [InlineData(@"C:\repo\specs\root.yaml", @"parts\Pet.yaml", "C:/repo/specs/parts/Pet.yaml")]
    [InlineData("/a/root.yaml", "my%20pet.yaml", "/a/my pet.yaml")]
    [InlineData("/a/root.yaml", "/elsewhere/Pet.yaml", "/elsewhere/Pet.yaml")]
    public void ResolvesRelativeToTheReferencingFile(string referencingFile, string reference, string expected)
    {
        Assert.Equal(expected, RefPath.Resolve(referencingFile, reference));
    }

    [Fact]
    public void ParentOfTheRootStaysAtTheRoot()
    {
        Assert.Equal("/x.yaml", RefPath.Resolve("/root.yaml", "../x.yaml"));
    }

    [Theory]
    [InlineData("Pet.yaml", "Pet.yaml", "")]
    [InlineData("../common.yaml#/components/schemas/Error", "../common.yaml", "/components/schemas/Error")]
    [InlineData("#/definitions/Pet", "", "/definitions/Pet")]
    public void SplitsFileAndFragment(string reference, string file, string fragment)
    {
        Assert.Equal((file, fragment), RefPath.Split(reference));
    }

    [Fact]
    public void ScannerFindsExternalRefsInYamlAndJsonQuotingFormsAndIgnoresLocalOnes()
    {
        const string text = """
            a: {$ref: 'Pet.yaml'}
            b:
              $ref: "../common.yaml#/Error"
            c:
              $ref: parameters.yaml#/limit
            d: {"$ref": "other.json"}
            e: {$ref: '#/components/schemas/Local'}
            """;

        Assert.Equal(new[] { "Pet.yaml", "../common.yaml", "parameters.yaml", "other.json" }, ExternalRefScanner.ReferencedFiles(text));
        Assert.False(ExternalRefScanner.HasExternalRefs("x: {$ref: '#/a'}\ny: {\"$ref\": \"#/b\"}"));
    }
}
