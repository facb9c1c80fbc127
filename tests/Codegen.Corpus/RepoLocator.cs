namespace Codegen.Corpus;

/// <summary>Finds the repository root and the shared corpus beside it.</summary>
public static class RepoLocator
{
    /// <summary>The folder with Codegen.sln, walking up from the current directory, then from the app directory.</summary>
    public static string? FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary><c>&lt;repo&gt;/../shared/corpus</c>.</summary>
    public static string DefaultCorpusDirectory(string repoRoot) => Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpus"));
}
