using Xunit;
namespace Codegen.Packaging.Tests;

/// <summary>
/// Packs Codegen.Generator, Codegen.Runtime and Codegen.Runtime.Sqlite once into a temporary folder feed, under a
/// version unique to this run (NuGet caches packages by id and version, so re-using a version would test a stale copy).
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    public string Feed { get; } = Directory.CreateTempSubdirectory("codegen-feed-").FullName;

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public async Task InitializeAsync()
    {
        foreach (var project in new[]
        {
            "generator/Codegen.Generator/Codegen.Generator.csproj",
            "runtime/Codegen.Runtime/Codegen.Runtime.csproj",
            "runtime/Codegen.Runtime.Sqlite/Codegen.Runtime.Sqlite.csproj",
        })
        {
            var (exitCode, output) = await DotnetCli.RunAsync(
                RepositoryPaths.Root,
                TimeSpan.FromMinutes(5),
                "pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true", "-nologo");
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Feed, recursive: true);
            // Remove this run's copies from the global package cache so test versions do not pile up.
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "codegen.generator", "codegen.runtime", "codegen.runtime.sqlite" })
            {
                var folder = Path.Combine(cache, id, Version);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        return Task.CompletedTask;
    }
}

/// <summary>All packaging tests share one packed feed (packing twice at once would race on obj/ folders).</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "package feed";
}
