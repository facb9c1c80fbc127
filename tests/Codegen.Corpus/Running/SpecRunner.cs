using System.Diagnostics;
using Codegen.Corpus.Discovery;
using Microsoft.CodeAnalysis;

namespace Codegen.Corpus.Running;

/// <summary>Generates, measures and compiles one spec; never throws (every failure lands in the result).</summary>
/// <param name="measuredRuns">Fresh-driver runs timed after the warm-up.</param>
/// <param name="budget">Time for generating (warm-up and measured runs).</param>
/// <param name="compileBudget">Time for compiling the output (binding 200k generated lines takes about a minute on 2 cores).</param>
/// <param name="emitDirectory">When set, the generated files of each spec are written under it (for reading compile errors).</param>
public sealed class SpecRunner(int measuredRuns, TimeSpan budget, TimeSpan compileBudget, string? emitDirectory = null)
{
    private const int MessagesKept = 8;
    private const int ExamplesPerId = 2;

    /// <summary>The generator's own "failed on this spec" diagnostic (it catches its exceptions per spec).</summary>
    public const string GeneratorCrashId = "CG0013";

    /// <summary>Runs one spec within the time budgets.</summary>
    public SpecResult Run(CorpusSpec spec)
    {
        var result = new SpecResult { Spec = spec };
        using var generation = new CancellationTokenSource(budget);
        using var compile = new CancellationTokenSource();
        var work = Task.Run(() => RunCore(spec, result, generation.Token, compile, compileBudget));
        try
        {
            // A generator that ignores cancellation keeps its thread; the runner moves on and reports the timeout.
            if (!work.Wait(budget + compileBudget + TimeSpan.FromSeconds(5)))
            {
                result.HarnessFailure = $"timeout after {(budget + compileBudget).TotalSeconds:0} s (cancellation ignored)";
            }
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
        {
            result.HarnessFailure = generation.IsCancellationRequested && !compile.IsCancellationRequested
                ? $"timeout: generation took over {budget.TotalSeconds:0} s"
                : $"timeout: compiling the output took over {compileBudget.TotalSeconds:0} s";
        }
        catch (AggregateException ex)
        {
            result.HarnessFailure = $"harness: {Describe(ex.InnerException ?? ex)}";
        }

        result.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        return result;
    }

    private void RunCore(CorpusSpec spec, SpecResult result, CancellationToken cancellationToken, CancellationTokenSource compile, TimeSpan compileLimit)
    {
        var texts = GeneratorHarness.LoadTexts(spec);
        var consumer = GeneratorHarness.NewConsumerCompilation();

        // Warm-up run: also the one whose output is inspected and compiled.
        var first = GeneratorHarness.Run(spec, texts, consumer, track: true, cancellationToken);
        result.Model = ModelCounts.Find(first.Result, spec.FullPath);
        result.Files = first.FileCount;
        result.Lines = first.LineCount;
        result.OperationFileLines = first.OperationFileLineCount;
        result.DiagnosticsById = first.DiagnosticsById;
        result.GeneratorErrors = first.AllDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (emitDirectory is not null)
        {
            WriteGeneratedFiles(spec, first);
        }
        // Two examples per diagnostic id (errors first), so a flood of one id does not hide the others.
        result.FirstDiagnostics = first.AllDiagnostics
            .GroupBy(d => d.Id)
            .OrderByDescending(g => g.Max(d => d.Severity))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.GroupBy(Format).Take(ExamplesPerId).Select(m => m.Count() == 1 ? m.Key : $"{m.Key} (x{m.Count()})"))
            .ToList();
        // A crash the driver caught (CS8785) or one the generator caught itself and reported as CG0013.
        result.GeneratorExceptions = first.Exceptions.Select(Describe)
            .Concat(first.AllDiagnostics.Where(d => d.Id == GeneratorCrashId).Select(Format))
            .ToList();

        // Measured runs: fresh drivers (full generation, no step tracking), median wall time.
        int runs = first.Elapsed > TimeSpan.FromSeconds(20) ? 1 : measuredRuns;
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var run = GeneratorHarness.Run(spec, texts, consumer, track: false, cancellationToken);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (i == 0)
            {
                result.AllocatedBytes = allocated;
            }

            times.Add(run.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        result.MeasuredRuns = runs;
        result.GenerationMs = times.Count == 0 ? first.Elapsed.TotalMilliseconds : times[times.Count / 2];

        // Compile what was generated, as the consumer's build would.
        compile.CancelAfter(compileLimit);
        var started = Stopwatch.GetTimestamp();
        var diagnostics = first.Output.GetDiagnostics(compile.Token)
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToList();
        result.CompileMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        result.CompileErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        result.CompileWarnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        result.CompileById = diagnostics
            .GroupBy(d => $"{d.Id} ({(d.Severity == DiagnosticSeverity.Error ? "error" : "warning")})")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        result.FirstCompileMessages = diagnostics
            .OrderByDescending(d => d.Severity)
            .GroupBy(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .Select(g => $"{Format(g.First())} (x{g.Count()})")
            .Take(MessagesKept)
            .ToList();
    }

    private void WriteGeneratedFiles(CorpusSpec spec, GenerationRun run)
    {
        var folder = Path.Combine(emitDirectory!, spec.RelativePath.Replace('/', '_'));
        Directory.CreateDirectory(folder);
        foreach (var source in run.Result.Results.SelectMany(r => r.GeneratedSources))
        {
            File.WriteAllText(Path.Combine(folder, source.HintName), source.SourceText.ToString());
        }
    }

    private static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        var where = d.Location == Location.None ? "" : $" at {Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}";
        return $"{d.Id} {d.Severity.ToString().ToLowerInvariant()}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}{where}";
    }

    private static string Describe(Exception ex)
    {
        var frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return $"{ex.GetType().Name}: {ex.Message}" + (frame is null ? "" : $" ({frame})");
    }
}
