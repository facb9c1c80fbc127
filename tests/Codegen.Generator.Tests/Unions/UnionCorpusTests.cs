using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Unions;

/// <summary>
/// The corpus fixtures about oneOf/anyOf and discriminators (../shared/corpus/fixtures, read in place) become
/// typed unions that compile cleanly and pick the right variant. Fixtures without paths get a path appended in
/// memory so their components are generated (the generator emits only what operations reach).
/// </summary>
public sealed class UnionCorpusTests
{
    private static string Fixture(string name) =>
        Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "fixtures", name));

    private static GenerationResult Generate(string name, string @namespace, string appended = "", params string[] sources)
    {
        var path = Fixture(name);
        var text = File.ReadAllText(path) + appended;
        return GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec(path, text, @namespace, "CorpusClient") }, sources);
    }

    [SharedDataTheory]
    [InlineData("kiota-DiscriminatorSample.yaml")]
    [InlineData("kiota-ModelWithDerivedTypes.yaml")]
    [InlineData("heyapi-3.1-discriminator-non-string.yaml")]
    [InlineData("openapigen-csharp-composed-enum.yaml")]
    public void UnionFixtureCompilesWithoutAnUnsupportedOneOfWarning(string name)
    {
        var result = Generate(name, "Corpus.Unions");

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0013");
        // The only CG0005 left is kiota's discriminator on a single allOf (inheritance, not a union).
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0005" && !d.GetMessage().Contains("'discriminator' outside a oneOf/anyOf"));
        result.AssertCompilesCleanly();
    }

    [SharedDataFact]
    public void KiotaDiscriminatorSampleDispatchesOnTheMappedValues()
    {
        var result = Generate("kiota-DiscriminatorSample.yaml", "Corpus.Kiota", "", UnionHarness.Source("Corpus.Kiota", "Component"));
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        const string json = """{"objectType":"obj2","two":"x"}""";
        Assert.Equal("Component2", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "Component", json)!));
        Assert.Equal("Component1", UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "Component", """{"one":"y","objectType":"obj1"}""")!));
        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", "Component", json));
        var operation = result.Source("CorpusClient.PostDiscriminatemeAsync.g.cs");
        Assert.Contains("global::Corpus.Kiota.Component", operation);
        Assert.Contains("Task<global::Corpus.Kiota.Component>", operation);
    }

    [SharedDataFact]
    public void KiotaDerivedTypesResponseIsAUnionOfTheThreeSchemas()
    {
        var result = Generate("kiota-ModelWithDerivedTypes.yaml", "Corpus.Fruits");

        var union = result.Source("CorpusClient.GetFruitsResponse.g.cs");
        Assert.Contains("public global::Corpus.Fruits.Fruit? Fruit { get; init; }", union);
        Assert.Contains("public global::Corpus.Fruits.Apple? Apple { get; init; }", union);
        Assert.Contains("public global::Corpus.Fruits.Orange? Orange { get; init; }", union);
        Assert.Contains("Task<global::Corpus.Fruits.GetFruitsResponse>", result.Source("CorpusClient.GetFruitsAsync.g.cs"));
        result.AssertCompilesCleanly();
    }

    [SharedDataFact]
    public void KiotaDiscriminatorOnASingleAllOfIsCG0005AndTheBaseIsGenerated()
    {
        var result = Generate("kiota-ModelWithDerivedTypes.yaml", "Corpus.Fruits");

        var warnings = result.GeneratorDiagnostics.Where(d => d.Id == "CG0005").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, d => Assert.Contains("'discriminator' outside a oneOf/anyOf", d.GetMessage()));
        Assert.Contains("Task<global::Corpus.Fruits.Fruit>", result.Source("CorpusClient.GetFruitsWithDiscriminatorAsync.g.cs"));
    }

    private const string NonStringPaths = """

        paths:
          /configs:
            get:
              operationId: getConfigs
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          booleanOneOf: {$ref: '#/components/schemas/BooleanOneOf'}
                          booleanAnyOf: {$ref: '#/components/schemas/BooleanAnyOf'}
                          integerOneOf: {$ref: '#/components/schemas/IntegerOneOf'}
                          numberOneOf: {$ref: '#/components/schemas/NumberOneOf'}
                          nullableIntegerOneOf: {$ref: '#/components/schemas/NullableIntegerOneOf'}
        """;

    [SharedDataTheory]
    [InlineData("BooleanOneOf", """{"use_custom":false,"auto_setting":"a"}""", "AutoConfig")]
    [InlineData("BooleanOneOf", """{"use_custom":true,"custom_value":3}""", "CustomConfig")]
    [InlineData("BooleanAnyOf", """{"use_custom":true,"custom_value":3}""", "CustomConfig")]
    [InlineData("IntegerOneOf", """{"type_id":2,"two_data":"b"}""", "TypeTwo")]
    [InlineData("IntegerOneOf", """{"type_id":1,"one_data":"a"}""", "TypeOne")]
    [InlineData("NumberOneOf", """{"version":2.5,"beta_field":"b"}""", "VersionBeta")]
    [InlineData("NumberOneOf", """{"version":1,"alpha_field":"a"}""", "VersionAlpha")]
    [InlineData("NullableIntegerOneOf", """{"tag":20,"y_data":"y"}""", "NullableVariantY")]
    [InlineData("IntegerOneOf", """{"type_id":9,"one_data":"a"}""", "Unknown")]
    public void HeyApiNonStringDiscriminatorsDispatchOnTheirWireValues(string union, string json, string variant)
    {
        var result = Generate("heyapi-3.1-discriminator-non-string.yaml", "Corpus.NonString", NonStringPaths,
            UnionHarness.Source("Corpus.NonString", "BooleanOneOf", "BooleanAnyOf", "IntegerOneOf", "NumberOneOf", "NullableIntegerOneOf"));
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        Assert.Equal(variant, UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", union, json)!));
        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", union, json));
    }

    private const string ComposedEnumPaths = """

        info: {title: Areas, version: '1'}
        paths:
          /area:
            get:
              operationId: getArea
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          code: {$ref: '#/components/schemas/AreaCode'}
        """;

    [SharedDataTheory]
    [InlineData("\"AK\"", "StateTerritoryCode")]
    [InlineData("\"AN\"", "MarineAreaCode")]
    public void ComposedEnumPicksTheEnumThatListsTheValue(string json, string variant)
    {
        var result = Generate("openapigen-csharp-composed-enum.yaml", "Corpus.Areas", ComposedEnumPaths, UnionHarness.Source("Corpus.Areas", "AreaCode"));
        result.AssertCompilesCleanly();
        using var assembly = result.Load();

        Assert.Equal(variant, UnionHarness.SetVariants(assembly.Call("TestHarness.Probe", "Read", "AreaCode", json)!));
        Assert.Equal(json, assembly.Call("TestHarness.Probe", "RoundTrip", "AreaCode", json));
    }
}
