using Xunit;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>
/// Tests that read the shared test data beside the repository (../shared: the public corpus and Zoom's description).
/// A plain clone has no ../shared: there they are reported as skipped with the reason. Under CI=true they always
/// run (and fail if the data is missing), so CI can never pass by skipping them.
/// </summary>
internal static class SharedData
{
    public static string? SkipReason { get; } = Find();

    private static string? Find()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var shared = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));
        return Directory.Exists(shared) ? null : $"the shared test data is not at {shared} (it is beside the repository in CI)";
    }
}

/// <summary>A fact that reads ../shared.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute() => Skip = SharedData.SkipReason;
}

/// <summary>A theory that reads ../shared.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute() => Skip = SharedData.SkipReason;
}
