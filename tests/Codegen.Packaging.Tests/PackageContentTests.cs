using Xunit;
using System.IO.Compression;
using System.Xml.Linq;

namespace Codegen.Packaging.Tests;

/// <summary>What is inside the packages, checked on the real .nupkg files.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentTests
{
    private readonly PackageFeedFixture _feed;

    public PackageContentTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void GeneratorPackageIsAnalyzerOnlyAndCarriesTheParser()
    {
        using var package = Open("Codegen.Generator");
        var entries = package.Entries.Select(e => e.FullName).ToList();

        foreach (var dll in new[] { "Codegen.Generator.dll", "Microsoft.OpenApi.dll", "Microsoft.OpenApi.YamlReader.dll", "SharpYaml.dll" })
        {
            Assert.Contains("analyzers/dotnet/cs/" + dll, entries);
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("build/Codegen.Generator.", StringComparison.Ordinal));
        Assert.Contains("README.md", entries);

        var nuspec = ReadNuspec(package);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.NotNull(metadata.Element(ns + "repository"));
    }

    [Fact]
    public void RuntimePackagesShipXmlDocsReadmeLicenceAndRepository()
    {
        foreach (var id in new[] { "Codegen.Runtime", "Codegen.Runtime.Sqlite" })
        {
            using var package = Open(id);
            var entries = package.Entries.Select(e => e.FullName).ToList();
            Assert.Contains($"lib/net10.0/{id}.dll", entries);
            Assert.Contains($"lib/net10.0/{id}.xml", entries);

            var nuspec = ReadNuspec(package);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
            Assert.NotNull(metadata.Element(ns + "repository"));
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        }
        using var runtime = Open("Codegen.Runtime");
        Assert.Contains("README.md", runtime.Entries.Select(e => e.FullName));
    }

    private ZipArchive Open(string id) =>
        ZipFile.OpenRead(Path.Combine(_feed.Feed, $"{id}.{_feed.Version}.nupkg"));

    private static XDocument ReadNuspec(ZipArchive package)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
