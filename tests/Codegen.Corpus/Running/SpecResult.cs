using Codegen.Corpus.Discovery;

namespace Codegen.Corpus.Running;

/// <summary>Everything the report says about one spec.</summary>
public sealed class SpecResult
{
    /// <summary>The spec.</summary>
    public required CorpusSpec Spec { get; init; }

    /// <summary>Model counts, or <see langword="null"/> when the generator exposes no model (stub) or the run failed.</summary>
    public ModelCounts? Model { get; set; }

    /// <summary>Generated files.</summary>
    public int Files { get; set; }

    /// <summary>Generated lines.</summary>
    public long Lines { get; set; }

    /// <summary>Lines in the per-operation files (hint names ending in <c>Async.g.cs</c>).</summary>
    public long OperationFileLines { get; set; }

    /// <summary>Generator diagnostics by id (CGxxxx and driver ids such as CS8785).</summary>
    public IReadOnlyDictionary<string, int> DiagnosticsById { get; set; } = new Dictionary<string, int>();

    /// <summary>Generator diagnostics of error severity (they fail a consumer's build even when the output compiles).</summary>
    public int GeneratorErrors { get; set; }

    /// <summary>Up to two example generator diagnostics per id, formatted (id, severity, message, location).</summary>
    public IReadOnlyList<string> FirstDiagnostics { get; set; } = [];

    /// <summary>Generator exceptions (type and message, first stack frame).</summary>
    public IReadOnlyList<string> GeneratorExceptions { get; set; } = [];

    /// <summary>Compile errors of the generated code.</summary>
    public int CompileErrors { get; set; }

    /// <summary>Compile warnings of the generated code (errors under TreatWarningsAsErrors).</summary>
    public int CompileWarnings { get; set; }

    /// <summary>Compile errors and warnings by id.</summary>
    public IReadOnlyDictionary<string, int> CompileById { get; set; } = new Dictionary<string, int>();

    /// <summary>The first few distinct compile messages (errors first).</summary>
    public IReadOnlyList<string> FirstCompileMessages { get; set; } = [];

    /// <summary>Median generation time over the measured runs.</summary>
    public double GenerationMs { get; set; }

    /// <summary>Measured runs (after the warm-up).</summary>
    public int MeasuredRuns { get; set; }

    /// <summary>Time to compile (bind and check) the generated code once.</summary>
    public double CompileMs { get; set; }

    /// <summary>Bytes allocated by one generation run (all threads).</summary>
    public long AllocatedBytes { get; set; }

    /// <summary>Process peak working set after this spec (monotonic over the run).</summary>
    public long PeakWorkingSetBytes { get; set; }

    /// <summary>A failure of the harness itself: timeout or an exception outside the generator.</summary>
    public string? HarnessFailure { get; set; }

    /// <summary>The spec failed: a generator exception, a compile error, or a harness failure (timeout).</summary>
    public bool Failed(bool warningsFail) =>
        HarnessFailure is not null || GeneratorExceptions.Count > 0 || CompileErrors > 0 || (warningsFail && CompileWarnings > 0);

    /// <summary>One word for the table.</summary>
    public string Status(bool warningsFail) =>
        HarnessFailure is not null ? (HarnessFailure.StartsWith("timeout", StringComparison.Ordinal) ? "TIMEOUT" : "HARNESS")
        : GeneratorExceptions.Count > 0 ? "GEN-EXC"
        : CompileErrors > 0 ? "ERRORS"
        : warningsFail && CompileWarnings > 0 ? "WARNINGS"
        : "ok";
}
