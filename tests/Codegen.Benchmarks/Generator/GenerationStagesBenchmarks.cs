using BenchmarkDotNet.Attributes;
using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.OpenApi.Reader;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Where full generation's time goes (benchmark 6 broken down), next to NSwag in the same run: Microsoft.OpenApi's
/// parse by itself, the source map (built when a spec has diagnostics), our whole read step (parse + model), every emitter over that model without the driver, the
/// Roslyn driver accepting the same texts from a trivial generator, and the full run.
/// </summary>
[BenchmarkCategory("Generator", "Stages")]
public class GenerationStagesBenchmarks
{
    [Params(GeneratorInputs.ZoomSubset, GeneratorInputs.Zoom2023, GeneratorInputs.Asana)]
    public string Spec { get; set; } = GeneratorInputs.Zoom2023;

    private GeneratorInputs.SpecText _spec = null!;
    private AnalyzerConfigOptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;
    private ParsedSpec _parsed = null!;
    private (string Hint, string Text)[] _output = [];

    [GlobalSetup]
    public void Setup()
    {
        _spec = GeneratorInputs.Load(Spec);
        _options = GeneratorInputs.OptionsFor(_spec);
        _compilation = GeneratorInputs.Compilation("namespace Consumer { internal sealed class Program { } }");
        _parsed = ReadSpec();
        _output = GeneratorInputs.Driver(new Codegen.Generator.OpenApiClientGenerator(), _spec).RunGenerators(_compilation)
            .GetRunResult().Results[0].GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToArray();
        Console.WriteLine($"// {Spec}: {_output.Length} files, {_output.Sum(o => (long)o.Text.Length):N0} characters; emit alone wrote {EmitAll():N0}");
    }

    [Benchmark(Baseline = true)]
    public string Nswag() => new FullGenerationBenchmarks { Spec = Spec }.NswagOn(_spec);

    /// <summary>Microsoft.OpenApi reading the text into its document: the floor of any generator built on it.</summary>
    [Benchmark]
    public object OpenApiParse()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return Microsoft.OpenApi.OpenApiDocument.Parse(_spec.Content, _spec.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml", settings);
    }

    /// <summary>Part of the read step when a spec has diagnostics: the map from JSON pointers to lines and columns.</summary>
    [Benchmark]
    public object SourceMapBuild() => SourceMap.Build(_spec.Path, _spec.Content);

    /// <summary>The generator's Parse step: spec options, parts, Microsoft.OpenApi, our model and located diagnostics.</summary>
    [Benchmark]
    public object Read() => ReadSpec();

    private ParsedSpec ReadSpec() => SpecReader.Read(SpecInputReader.Read(_spec, _options, default)!, default);

    /// <summary>Every emitter over the model, through the generator's own unit-to-files dispatch, without the driver.</summary>
    [Benchmark]
    public long EmitAll()
    {
        long chars = 0;
        var units = Codegen.Generator.OpenApiClientGenerator.TypeUnitsOf(_parsed.Model).Cast<object>()
            .Concat(Codegen.Generator.OpenApiClientGenerator.ClientOutputsOf(_parsed, allowed: true));
        foreach (var unit in units)
        {
            foreach (var file in Codegen.Generator.OpenApiClientGenerator.FilesOf(unit))
            {
                chars += file.Source()?.Length ?? 0;
            }
        }
        return chars;
    }

    /// <summary>The Roslyn driver taking the very same files from a generator that does nothing else.</summary>
    [Benchmark]
    public GeneratorDriver DriverWithSameOutput() => GeneratorInputs.Driver(new ReplayGenerator(_output), _spec).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Full() => GeneratorInputs.Driver(new Codegen.Generator.OpenApiClientGenerator(), _spec).RunGenerators(_compilation);

    /// <summary>Adds precomputed files, one output node per file as ours has, and nothing else.</summary>
    private sealed class ReplayGenerator((string Hint, string Text)[] files) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var all = files;
            var units = context.AdditionalTextsProvider.SelectMany((_, _) => Enumerable.Range(0, all.Length));
            context.RegisterSourceOutput(units, (spc, i) => spc.AddSource(all[i].Hint, all[i].Text));
        }
    }
}
