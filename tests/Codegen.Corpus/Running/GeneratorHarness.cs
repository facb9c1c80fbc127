using System.Collections.Immutable;
using Codegen.Corpus.Discovery;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Corpus.Running;

/// <summary>
/// Runs <see cref="OpenApiClientGenerator"/> in-process on one corpus spec the way the compiler would: the root spec
/// as an AdditionalFile marked <c>CodegenSpec=true</c>, its <c>$ref</c> parts as plain AdditionalFiles, in a
/// consumer compilation with nullable enabled and every warning wave on.
/// </summary>
public static class GeneratorHarness
{
    /// <summary>The RootNamespace a consumer project would have.</summary>
    public const string RootNamespace = "Corpus";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A consumer library: nullable on, all warning waves (what TreatWarningsAsErrors builds would reject).</summary>
    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999);

    /// <summary>The additional texts for <paramref name="spec"/>: the root first, then its parts.</summary>
    public static ImmutableArray<AdditionalText> LoadTexts(CorpusSpec spec) =>
        [InMemoryAdditionalText.Load(spec.FullPath), .. spec.Parts.Select(InMemoryAdditionalText.Load)];

    /// <summary>The consumer compilation the generator runs against (one trivial file, the shared references).</summary>
    public static CSharpCompilation NewConsumerCompilation() =>
        CSharpCompilation.Create(
            "CorpusConsumer",
            [CSharpSyntaxTree.ParseText("namespace CorpusConsumer { internal static class Marker { } }", ParseOptions)],
            ReferenceSet.All,
            CompilationOptions);

    /// <summary>Runs a fresh driver once.</summary>
    /// <param name="track">Track incremental steps (needed to read the model; slightly slower).</param>
    public static GenerationRun Run(CorpusSpec spec, ImmutableArray<AdditionalText> texts, CSharpCompilation consumer, bool track, CancellationToken cancellationToken)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            additionalTexts: texts,
            parseOptions: ParseOptions,
            optionsProvider: new CorpusOptionsProvider(spec.FullPath, RootNamespace),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        driver = driver.RunGeneratorsAndUpdateCompilation(consumer, out var output, out var driverDiagnostics, cancellationToken);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return new GenerationRun(driver.GetRunResult(), output, driverDiagnostics, elapsed);
    }
}

/// <summary>The outcome of one driver run.</summary>
/// <param name="Result">The driver's run result (generated sources, diagnostics, exceptions, tracked steps).</param>
/// <param name="Output">The consumer compilation with the generated trees added.</param>
/// <param name="DriverDiagnostics">Diagnostics the driver itself reported (e.g. CS8785 for a generator exception).</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record GenerationRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics, TimeSpan Elapsed)
{
    /// <summary>Exceptions the generator threw (the driver turns each into a CS8785 warning).</summary>
    public IReadOnlyList<Exception> Exceptions => Result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!).ToList();

    /// <summary>Generated files.</summary>
    public int FileCount => Result.Results.Sum(r => r.GeneratedSources.Length);

    /// <summary>Generated lines (all files).</summary>
    public long LineCount => Result.Results.SelectMany(r => r.GeneratedSources).Sum(s => (long)s.SourceText.Lines.Count);

    /// <summary>Lines in the per-operation files (the generator names them <c>{Client}.{Method}Async.g.cs</c>).</summary>
    public long OperationFileLineCount => Result.Results.SelectMany(r => r.GeneratedSources)
        .Where(s => s.HintName.EndsWith("Async.g.cs", StringComparison.Ordinal))
        .Sum(s => (long)s.SourceText.Lines.Count);

    /// <summary>Every diagnostic of the run by id (generator diagnostics and the driver's CS8785 for exceptions).</summary>
    public IReadOnlyDictionary<string, int> DiagnosticsById =>
        AllDiagnostics
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// All diagnostics of the run. The run result's list already holds the driver's own (CS8785); the
    /// out-parameter list repeats it, so it is not added (diagnostics with equal text and location are distinct reports).
    /// </summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics => Result.Diagnostics.Length >= DriverDiagnostics.Length ? Result.Diagnostics : DriverDiagnostics;
}
