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
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Codegen.Benchmarks.Infrastructure.BenchConfig.Create(addShortJob: !jobGiven));
// A benchmark that throws leaves a report with errors: fail the process so the dry run in CI notices.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
