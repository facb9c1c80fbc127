using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Generation;

/// <summary>
/// The public corpus (../shared/corpus, read in place): the OpenAPI Initiative's examples and the fixtures other
/// generators use to break code generation. Every file generates without an exception or internal error and the
/// output compiles without a warning. (The big vendor specs under real/ are left to the corpus tool.)
/// </summary>
public sealed class CorpusTests
{
    private static string CorpusRoot => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus"));

    public static TheoryData<string> SmallSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "oai", "fixtures" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CorpusRoot, folder), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(CorpusRoot, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SmallSpecs))]
    public void CorpusSpecGeneratesCompilingCodeWithoutInternalErrors(string relativePath)
    {
        var path = Path.Combine(CorpusRoot, relativePath);
        var spec = InMemoryAdditionalText.Spec(path, File.ReadAllText(path), "Corpus.Spec", "CorpusClient");

        var result = GeneratorHarness.Run(new[] { spec });

        Assert.Null(result.RunResult.Results.Single().Exception);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0013");
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void LocalRefToASchemaWithAnIdResolves()
    {
        var path = Path.Combine(CorpusRoot, "fixtures", "kiota-recursive-category-tree.yaml");

        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec(path, File.ReadAllText(path), "Corpus.Tree", "TreeClient") });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0001");
        Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "CG0005" && d.GetMessage().Contains("#category"));
        Assert.Contains("Task<global::Corpus.Tree.LocalizedCategory>", result.Source("TreeClient.GetCategoryTreeAsync.g.cs"));
    }
}
