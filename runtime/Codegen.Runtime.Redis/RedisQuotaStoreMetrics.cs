using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;

namespace Codegen.Runtime.Redis;

/// <summary>The store's instruments on <see cref="CodegenTelemetry.Meter"/>.</summary>
internal static class RedisQuotaStoreMetrics
{
    /// <summary>Store calls that failed because Redis could not be reached. Tags: store, operation, error.</summary>
    public static readonly Counter<long> Failures = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.store.failures", "{failure}", "Quota store calls that failed because the store could not be reached.");

    /// <summary>What the failure mode decided for each failed call. Tags: store, operation, mode, decision.</summary>
    public static readonly Counter<long> FailureDecisions = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.quota.store.failure_decisions", "{decision}", "Decisions taken by the quota store's failure mode while the store was unreachable.");

    public const string StoreTag = "codegen.quota.store";
    public const string OperationTag = "codegen.quota.operation";
    public const string ErrorTag = "error.type";
    public const string ModeTag = "codegen.quota.failure_mode";
    public const string DecisionTag = "codegen.quota.decision";

    public const string Refused = "refused";
    public const string Granted = "granted";
    public const string Local = "local";
    public const string Dropped = "dropped";
    public const string Thrown = "thrown";
}
