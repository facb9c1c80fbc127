namespace Codegen.Runtime.Quotas;

/// <summary>How partition values become store keys, and how they are shown in logs.</summary>
public static class QuotaPartition
{
    /// <summary>
    /// The store key of a partition value under a policy: an empty string for account-wide policies or a missing
    /// value, the value lower-cased (invariant) when the policy ignores case (e-mail addresses as user ids), else the value.
    /// </summary>
    public static string Normalize(QuotaPolicy policy, string? value)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.PartitionParameter is null || string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        return policy.PartitionIgnoreCase ? value.ToLowerInvariant() : value;
    }

    /// <summary>A partition key safe for logs and metrics: its first character and <c>***</c>, or <c>(account)</c> for account-wide counts.</summary>
    public static string Mask(string? key) => string.IsNullOrEmpty(key) ? "(account)" : key[0] + "***";
}
