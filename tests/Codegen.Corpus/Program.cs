using System.Diagnostics;
using System.Globalization;
using Codegen.Corpus;
using Codegen.Corpus.Discovery;
using Codegen.Corpus.Reporting;
using Codegen.Corpus.Running;

// Corpus runner: every root spec through the generator, output compiled, docs/corpus.md written.
// Exit codes: 0 all good (or --report-only), 1 a spec failed, 2 bad usage or no specs.
RunnerOptions options;
try
{
    options = RunnerOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"corpus: {ex.Message}");
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

var specs = SpecDiscovery.FindRootSpecs(options.CorpusDirectory)
    .Where(s => options.Filter is null || s.RelativePath.Contains(options.Filter, StringComparison.OrdinalIgnoreCase))
    .ToList();
if (specs.Count == 0)
{
    Console.Error.WriteLine($"corpus: no root specs under {options.CorpusDirectory}");
    return 2;
}

Console.Error.WriteLine($"corpus: {specs.Count} root specs under {options.CorpusDirectory}");
var clock = Stopwatch.StartNew();
var runner = new SpecRunner(options.MeasuredRuns, options.Budget, options.CompileBudget, options.EmitDirectory);
var results = new List<SpecResult>();
foreach (var spec in specs)
{
    var result = runner.Run(spec);
    results.Add(result);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"corpus: {result.Status(options.WarningsFail),-8} {spec.RelativePath} ({result.Model?.Operations.ToString(CultureInfo.InvariantCulture) ?? "-"} ops, " +
        $"{result.Files} files, {result.Lines} lines, {result.DiagnosticsById.Values.Sum()} diags, {result.CompileErrors} errors, " +
        $"{result.CompileWarnings} warnings, {result.GenerationMs:0} ms){(result.HarnessFailure is null ? "" : " " + result.HarnessFailure)}"));
}

var command = "dotnet run --project tests/Codegen.Corpus -c Release" + (args.Length == 0 ? "" : " -- " + string.Join(' ', args));
var report = new MarkdownReport(results, options, command, clock.Elapsed);
Directory.CreateDirectory(Path.GetDirectoryName(options.OutputFile)!);
File.WriteAllText(options.OutputFile, report.Render());

foreach (var line in report.TableLines())
{
    Console.WriteLine(line);
}

Console.WriteLine($"corpus: {report.TotalsLine()}");
Console.WriteLine($"corpus: report written to {options.OutputFile}");

bool failed = results.Any(r => r.HarnessFailure is not null || r.GeneratorExceptions.Count > 0
    || (options.FailOnCompileErrors && (r.CompileErrors > 0 || (options.WarningsFail && r.CompileWarnings > 0))));
return failed && !options.ReportOnly ? 1 : 0;
