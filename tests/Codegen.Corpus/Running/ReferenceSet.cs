using Microsoft.CodeAnalysis;

namespace Codegen.Corpus.Running;

/// <summary>
/// What a consumer project compiles generated code against: the running app's trusted platform assemblies (the
/// framework plus this app's dependencies, which include Codegen.Runtime and its packages) and any Codegen.Runtime*
/// DLL in the app folder that the list missed.
/// </summary>
public static class ReferenceSet
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Shared = new(Load);

    /// <summary>The references, loaded once per process.</summary>
    public static IReadOnlyList<MetadataReference> All => Shared.Value;

    private static IReadOnlyList<MetadataReference> Load()
    {
        var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToList();
        paths.AddRange(Directory.EnumerateFiles(AppContext.BaseDirectory, "Codegen.Runtime*.dll"));

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            // One assembly per simple name, first wins (TPA order), so no duplicate-type ambiguity.
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        if (!byName.ContainsKey("Codegen.Runtime"))
        {
            throw new InvalidOperationException($"Codegen.Runtime.dll not found next to the runner in {AppContext.BaseDirectory}.");
        }

        return byName.Values.Where(File.Exists).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
