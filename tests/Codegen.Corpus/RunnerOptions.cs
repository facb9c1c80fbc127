namespace Codegen.Corpus;

/// <summary>Command-line options of the corpus runner.</summary>
internal sealed record RunnerOptions
{
    public required string CorpusDirectory { get; init; }
    public required string OutputFile { get; init; }
    public required string RepoRoot { get; init; }
    public bool FailOnCompileErrors { get; init; } = true;
    public bool WarningsFail { get; init; } = true;
    public bool ReportOnly { get; init; }
    public int MeasuredRuns { get; init; } = 3;
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(120);
    public TimeSpan CompileBudget { get; init; } = TimeSpan.FromSeconds(240);
    public string? Filter { get; init; }
    public string? EmitDirectory { get; init; }

    public const string Usage = """
        usage: Codegen.Corpus [--corpus DIR] [--out FILE] [--runs N] [--timeout S] [--compile-timeout S] [--filter TEXT] [--emit DIR]
                              [--fail-on-compile-errors | --no-fail-on-compile-errors] [--allow-warnings] [--report-only]
          --corpus DIR   folder with the specs (default: <repo>/../shared/corpus)
          --out FILE     markdown report (default: <repo>/docs/corpus.md)
          --runs N       measured generation runs per spec after a warm-up (default 3; 1 for specs over 20 s)
          --timeout S    generation time budget per spec (default 120)
          --compile-timeout S  budget for compiling one spec's output (default 240)
          --filter TEXT  only specs whose relative path contains TEXT
          --emit DIR     also write each spec's generated files under DIR/<spec path with _>/
          --no-fail-on-compile-errors  exit 0 despite compile errors (generator exceptions and timeouts still fail)
          --allow-warnings             compile warnings do not fail (they do by default: TreatWarningsAsErrors)
          --report-only                always exit 0
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on bad input.</summary>
    public static RunnerOptions Parse(string[] args)
    {
        var repoRoot = RepoLocator.FindRepoRoot()
            ?? throw new ArgumentException("cannot find the repository root (a folder with Codegen.sln) above the current or the app directory");
        string? corpus = null, output = null, filter = null, emit = null;
        bool failOnCompile = true, warningsFail = true, reportOnly = false;
        int runs = 3, timeout = 120, compileTimeout = 240;
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": corpus = Value(); break;
                case "--out": output = Value(); break;
                case "--filter": filter = Value(); break;
                case "--emit": emit = Path.GetFullPath(Value()); break;
                case "--runs": runs = PositiveInt(args[i], Value()); break;
                case "--timeout": timeout = PositiveInt(args[i], Value()); break;
                case "--compile-timeout": compileTimeout = PositiveInt(args[i], Value()); break;
                case "--fail-on-compile-errors": failOnCompile = true; break;
                case "--no-fail-on-compile-errors": failOnCompile = false; break;
                case "--allow-warnings": warningsFail = false; break;
                case "--report-only": reportOnly = true; break;
                case "--help" or "-h": throw new ArgumentException("usage");
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        var corpusDirectory = Path.GetFullPath(corpus ?? RepoLocator.DefaultCorpusDirectory(repoRoot));
        if (!Directory.Exists(corpusDirectory))
        {
            throw new ArgumentException($"corpus folder not found: {corpusDirectory}");
        }

        return new RunnerOptions
        {
            CorpusDirectory = corpusDirectory,
            OutputFile = Path.GetFullPath(output ?? Path.Combine(repoRoot, "docs", "corpus.md")),
            RepoRoot = repoRoot,
            FailOnCompileErrors = failOnCompile,
            WarningsFail = warningsFail,
            ReportOnly = reportOnly,
            MeasuredRuns = runs,
            Budget = TimeSpan.FromSeconds(timeout),
            CompileBudget = TimeSpan.FromSeconds(compileTimeout),
            Filter = filter,
            EmitDirectory = emit,
        };
    }

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, out var n) && n > 0 ? n : throw new ArgumentException($"{option} needs a positive integer, got '{value}'");
}
