using BenchmarkDotNet.Running;
using Codegen.Benchmarks.Quotas;

// `dotnet run -c Release -- --filter '*'` runs everything; `--anyCategories Json` one group;
// `memory-per-key` prints the bytes each tracked quota key costs (ours and System.Threading.RateLimiting's).
if (args.Length > 0 && args[0] == "memory-per-key")
{
    MemoryPerKey.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
    return 0;
}
var jobGiven = args.Any(a => a is "--job" or "-j" or "--runOncePerIteration" or "--iterationCount" or "--warmupCount");
// Without a job on the command line the short job runs; `--inProcess` then runs it in this process (no child build).
var inProcess = !jobGiven && args.Contains("--inProcess");
var rest = inProcess ? args.Where(a => a != "--inProcess").ToArray() : args;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(rest, Codegen.Benchmarks.Infrastructure.BenchConfig.Create(addShortJob: !jobGiven, inProcess));
// A benchmark that throws leaves a report with errors: fail the process so the dry run in CI notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
