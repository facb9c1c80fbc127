using Codegen.Corpus;
using Xunit;

namespace Codegen.Corpus.Tests;

/// <summary>
/// The shared corpus lives beside the repository (../shared/corpus) in CI and on the team's machines, not in a plain
/// clone. Without it these tests are reported as skipped with the reason, except under CI=true, where they run and
/// fail: CI must never pass by skipping them.
/// </summary>
internal static class CorpusAvailability
{
    public static string? SkipReason { get; } = Find();

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var root = RepoLocator.FindRepoRoot();
        if (root is null)
        {
            return null;
        }
        var corpus = RepoLocator.DefaultCorpusDirectory(root);
        return Directory.Exists(corpus) ? null : $"the shared corpus is not at {corpus} (it is beside the repository in CI)";
    }
}

/// <summary>A fact that needs ../shared/corpus.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute() => Skip = CorpusAvailability.SkipReason;
}

/// <summary>A theory that needs ../shared/corpus.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute() => Skip = CorpusAvailability.SkipReason;
}
