namespace Codegen.Packaging.Tests;

/// <summary>Finds the repository root (the folder holding Codegen.sln) from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Codegen.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }
}
