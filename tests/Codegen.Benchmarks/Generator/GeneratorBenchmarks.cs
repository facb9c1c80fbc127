using Microsoft.OpenApi.Reader;
using BenchmarkDotNet.Attributes;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Benchmark 6: full generation with a fresh driver (parse included) vs NSwag reading the same spec and running
/// CSharpClientGenerator.GenerateFile(). NSwag reads the text with OpenApiDocument.FromJsonAsync / OpenApiYamlDocument.FromYamlAsync.
/// </summary>
[BenchmarkCategory("Generator", "FullGeneration")]
public class FullGenerationBenchmarks
{
    [Params(GeneratorInputs.ZoomSubset, GeneratorInputs.Zoom2023, GeneratorInputs.Asana)]
    public string Spec { get; set; } = GeneratorInputs.ZoomSubset;

    private GeneratorInputs.SpecText _spec = null!;
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spec = GeneratorInputs.Load(Spec);
        _compilation = GeneratorInputs.Compilation("namespace Consumer { internal sealed class Program { } }");
        var result = Ours().GetRunResult();
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"// {Spec}: ours emitted {result.GeneratedTrees.Length} files, {errors.Count} errors; NSwag emitted {Nswag().Length:N0} chars");
        if (result.GeneratedTrees.Length == 0) throw new InvalidOperationException("the generator emitted nothing: " + string.Join("; ", errors));
    }

    [Benchmark(Baseline = true)]
    public string Nswag() => NswagOn(_spec);

    /// <summary>NSwag's whole run on one spec text: read the document, then generate the C# client file.</summary>
    public string NswagOn(GeneratorInputs.SpecText spec)
    {
        var document = spec.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? NSwag.OpenApiDocument.FromJsonAsync(spec.Content).GetAwaiter().GetResult()
            : NSwag.OpenApiYamlDocument.FromYamlAsync(spec.Content).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings { ClassName = "BenchClient" };
        settings.CSharpGeneratorSettings.Namespace = "Bench.Nswag";
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    [Benchmark]
    public GeneratorDriver Ours() => GeneratorInputs.Driver(new OpenApiClientGenerator(), _spec).RunGenerators(_compilation);
}

/// <summary>
/// Benchmark 7: re-run after an unrelated C# edit. Ours vs the floor generator emitting the same number of files,
/// both already run once. GlobalSetup asserts that no step of ours re-executed (every tracked output Cached/Unchanged).
/// </summary>
[BenchmarkCategory("Generator", "CSharpEdit")]
public class CSharpEditBenchmarks
{
    [Params(GeneratorInputs.ZoomSubset, GeneratorInputs.Zoom2023)]
    public string Spec { get; set; } = GeneratorInputs.ZoomSubset;

    private GeneratorDriver _ours = null!;
    private GeneratorDriver _floor = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = GeneratorInputs.Load(Spec);
        var before = GeneratorInputs.Compilation("namespace Consumer { internal sealed class Program { } }");
        _edited = GeneratorInputs.Compilation("namespace Consumer { internal sealed class Program { } }", "namespace Consumer { internal sealed class Edited { } }");
        _ours = GeneratorInputs.Driver(new OpenApiClientGenerator(), spec).RunGenerators(before);
        var files = _ours.GetRunResult().GeneratedTrees.Length;
        _floor = GeneratorInputs.Driver(new FloorGenerator(files), spec).RunGenerators(before);

        var rerun = _ours.RunGenerators(_edited).GetRunResult().Results[0];
        var reasons = rerun.TrackedSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine($"// {Spec}: {files} files; tracked outputs after a C# edit: " + string.Join(", ", reasons.Select(r => $"{r.Key}={r.Value}")));
        if (reasons.Keys.Any(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified))
        {
            throw new InvalidOperationException("a step re-executed after an unrelated C# edit");
        }
        if (_floor.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length != files) throw new InvalidOperationException("floor file count differs");
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Floor() => _floor.RunGenerators(_edited);

    [Benchmark]
    public GeneratorDriver Ours() => _ours.RunGenerators(_edited);
}

/// <summary>
/// Benchmark 8: re-run after editing one operation's summary in the 2023 Zoom spec vs the parse step alone
/// (SpecInputReader + SpecReader.Read, what the generator's Parse step runs). GlobalSetup checks that only that
/// operation's output changed.
/// </summary>
[BenchmarkCategory("Generator", "SpecEdit")]
public class SpecEditBenchmarks
{
    private GeneratorDriver _driver = null!;
    private GeneratorInputs.SpecText _original = null!;
    private GeneratorInputs.SpecText _edited = null!;
    private CSharpCompilation _compilation = null!;
    private Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _original = GeneratorInputs.Load(GeneratorInputs.Zoom2023);
        const string summary = "\"summary\":\"Get a meeting\"";
        if (!_original.Content.Contains(summary, StringComparison.Ordinal)) throw new InvalidOperationException("summary to edit not found");
        _edited = new GeneratorInputs.SpecText(_original.Path, _original.Content.Replace(summary, "\"summary\":\"Get a meeting (edited)\"", StringComparison.Ordinal));
        _compilation = GeneratorInputs.Compilation("namespace Consumer { internal sealed class Program { } }");
        _options = GeneratorInputs.OptionsFor(_original);
        _driver = GeneratorInputs.Driver(new OpenApiClientGenerator(), _original).RunGenerators(_compilation);

        var result = Edit().GetRunResult().Results[0];
        foreach (var step in new[] { "Parse", "TypesToEmit", "ClientToEmit" })
        {
            var reasons = result.TrackedSteps.TryGetValue(step, out var runs)
                ? runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key}={g.Count()}")
                : ["(not tracked)"];
            Console.WriteLine($"// after the summary edit, {step}: {string.Join(", ", reasons)}");
        }
        static bool Changed(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New;
        var modifiedOperations = result.TrackedSteps["ClientToEmit"].SelectMany(r => r.Outputs).Count(o => o.Value is Codegen.Generator.Model.OperationUnit && Changed(o.Reason));
        var modifiedTypes = result.TrackedSteps["TypesToEmit"].SelectMany(r => r.Outputs).Count(o => Changed(o.Reason));
        if (modifiedOperations != 1 || modifiedTypes != 0)
        {
            throw new InvalidOperationException($"expected exactly one operation and no type to be re-emitted; got {modifiedOperations} operations, {modifiedTypes} types");
        }
    }

    [Benchmark(Baseline = true)]
    public object ParseAlone()
    {
        var input = Codegen.Generator.Reading.SpecInputReader.Read(_edited, _options, default) ?? throw new InvalidOperationException("not a spec");
        return Codegen.Generator.Reading.SpecReader.Read(input, default);
    }

    /// <summary>Part of the parse step: the line/column map used for diagnostics locations.</summary>
    [Benchmark]
    public object SourceMapAlone() => Codegen.Generator.Reading.SourceMap.Build(_edited.Path, _edited.Content);

    /// <summary>Part of the parse step: Microsoft.OpenApi reading the text into its document.</summary>
    [Benchmark]
    public object OpenApiParseAlone()
    {
        var settings = new Microsoft.OpenApi.Reader.OpenApiReaderSettings();
        settings.AddYamlReader();
        return Microsoft.OpenApi.OpenApiDocument.Parse(_edited.Content, "json", settings);
    }

    [Benchmark]
    public GeneratorDriver Edit() => _driver.ReplaceAdditionalText(_original, _edited).RunGenerators(_compilation);
}
