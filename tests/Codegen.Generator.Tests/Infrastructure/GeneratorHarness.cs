using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator the way the compiler does (CSharpGeneratorDriver with step tracking), compiles its output
/// against the real runtime, and loads the result for in-process checks.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static GeneratorDriver CreateDriver(
        IEnumerable<InMemoryAdditionalText> specs,
        IReadOnlyDictionary<string, string>? globalProperties = null,
        CSharpParseOptions? parseOptions = null)
    {
        var files = specs.ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            additionalTexts: files,
            parseOptions: parseOptions ?? ParseOptions,
            optionsProvider: new TestOptionsProvider(files, globalProperties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"Source{i}.cs")).ToList();
        return CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    // The test compilation is not signed or versioned like a real project; these say nothing about generated code.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    /// <summary>Runs the generator once on the given specs and returns the result and the compilation with the output.</summary>
    public static GenerationResult Run(IEnumerable<InMemoryAdditionalText> specs, params string[] sources)
    {
        var driver = CreateDriver(specs);
        var compilation = CreateCompilation(sources);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GenerationResult(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        paths.Add(typeof(Codegen.Runtime.Transport.ApiInvoker).Assembly.Location);
        return paths
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(p => !Path.GetFileName(p).StartsWith("Codegen.Generator", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

public sealed record GenerationResult(
    GeneratorDriver Driver,
    GeneratorDriverRunResult RunResult,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public ImmutableArray<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public string Source(string hintName) =>
        Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// Every error, and every warning in generated code (test harness sources are not held to the doc-comment rule),
    /// in the compilation that includes the generated code.
    /// </summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && !(d.Location.SourceTree?.FilePath ?? "").StartsWith("Source", StringComparison.Ordinal)))
            .ToList();

    public void AssertCompilesCleanly()
    {
        var problems = CompilationProblems();
        Assert.True(problems.Count == 0, "Generated code has problems:\n" + string.Join("\n", problems.Take(30)));
    }

    /// <summary>Emits the compilation and loads it into a collectible context.</summary>
    public LoadedAssembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated", isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }
}

public sealed class LoadedAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    public LoadedAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public object? Call(string typeName, string method, params object?[] args) =>
        Type(typeName).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);

    public void Dispose() => _context.Unload();
}
