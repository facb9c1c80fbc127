using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Codegen.Benchmarks.Infrastructure;

/// <summary>
/// The shared config: BenchmarkDotNet's defaults plus a short job for a noisy 2-core machine (3 warmups, 8 iterations,
/// one launch), the memory diagnoser, ratio columns against each category's [Benchmark(Baseline = true)] alternative.
/// A job given on the command line (--job Dry) replaces the short job, so the dry run stays one quick pass.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create(bool addShortJob, bool inProcess)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default)
            .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
        if (addShortJob)
        {
            var job = Job.Default.WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1).WithId("Short8");
            config.AddJob(inProcess ? job.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance) : job);
        }
        return config;
    }
}
