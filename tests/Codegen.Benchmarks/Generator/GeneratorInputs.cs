using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Benchmarks.Generator;

/// <summary>Spec files read in place (specs/ in the repository, the real corpus in ../shared) and the driver plumbing.</summary>
public static class GeneratorInputs
{
    public const string ZoomSubset = "zoom-meetings.yaml";
    public const string Zoom2023 = "zoom-meetings-api-2023-10.json";
    public const string Asana = "asana-oas.yaml";

    public static string RepoRoot { get; } = FindRoot();

    public static string PathOf(string spec) => spec == ZoomSubset
        ? Path.Combine(RepoRoot, "specs", spec)
        : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "real", spec));

    public static SpecText Load(string spec) => new(PathOf(spec), File.ReadAllText(PathOf(spec)));

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver Driver(IIncrementalGenerator generator, params SpecText[] specs) => CSharpGeneratorDriver.Create(
        [generator.AsSourceGenerator()],
        specs,
        new CSharpParseOptions(LanguageVersion.Latest),
        new OptionsProvider(specs.Select(s => s.Path)),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static AnalyzerConfigOptionsProvider OptionsFor(params SpecText[] specs) => new OptionsProvider(specs.Select(s => s.Path));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Codegen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Codegen.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An additional file held in memory (so an edit is a new text, as in the IDE).</summary>
    public sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public string Content { get; } = text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks every spec the way Codegen.Generator.targets does for an OpenApiSpec item.</summary>
    private sealed class OptionsProvider(IEnumerable<string> specPaths) : AnalyzerConfigOptionsProvider
    {
        private readonly ImmutableHashSet<string> _specs = specPaths.ToImmutableHashSet();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = "Consumer" });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _specs.Contains(textFile.Path)
            ? new Options(new()
            {
                ["build_metadata.AdditionalFiles.CodegenSpec"] = "true",
                ["build_metadata.AdditionalFiles.Namespace"] = "Bench." + System.IO.Path.GetFileNameWithoutExtension(textFile.Path).Replace('-', '_'),
            })
            : Options.Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
