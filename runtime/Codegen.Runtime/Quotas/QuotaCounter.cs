namespace Codegen.Runtime.Quotas;

/// <summary>One count a store keeps: a policy, the partition key (already normalised) and the limit in force.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="PartitionKey">The normalised partition value, or an empty string for account-wide policies.</param>
/// <param name="Limit">The permit limit in force (after plan selection and overrides).</param>
public readonly record struct QuotaCounter(QuotaPolicy Policy, string PartitionKey, int Limit);
