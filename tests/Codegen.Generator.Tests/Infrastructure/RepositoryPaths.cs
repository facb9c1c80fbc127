namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>Finds files in the repository (the folder with Codegen.sln) from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "Codegen.Generator.Tests");

    public static string Spec(string fileName) => Path.Combine(Root, "specs", fileName);

    public static string TestFile(params string[] parts) => Path.Combine(new[] { TestProject }.Concat(parts).ToArray());

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
