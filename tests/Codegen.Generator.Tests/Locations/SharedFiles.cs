namespace Codegen.Generator.Tests.Locations;

/// <summary>Finds files in ../shared next to the repository root (the folder holding Codegen.sln); read in place, never copied.</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Codegen.sln")))
        {
            directory = directory.Parent;
        }
        if (directory?.Parent is null) throw new DirectoryNotFoundException("Codegen.sln not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine(new[] { directory.Parent.FullName, "shared" }.Concat(parts).ToArray());
    }
}
