namespace Codegen.Runtime.Quotas;

/// <summary>Limits of the <see cref="InMemoryQuotaStore"/>.</summary>
public sealed class InMemoryQuotaStoreOptions
{
    /// <summary>
    /// The most partition keys tracked at once (default one million). When full, expired keys are swept at once;
    /// if it is still full, new keys are refused with <see cref="QuotaRefusalReason.StoreUnavailable"/> rather than
    /// forgetting live counts (which could over-grant).
    /// </summary>
    public int MaxKeys { get; set; } = 1_000_000;

    /// <summary>How often expired windows and blocks are swept from memory (default one minute). <see cref="Timeout.InfiniteTimeSpan"/> turns the timer off.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the values; returns clear messages, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxKeys < 1)
        {
            errors.Add($"InMemoryQuotaStoreOptions.MaxKeys must be at least 1 (was {MaxKeys}).");
        }
        if (SweepInterval <= TimeSpan.Zero && SweepInterval != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"InMemoryQuotaStoreOptions.SweepInterval must be positive or Timeout.InfiniteTimeSpan (was {SweepInterval}).");
        }
        return errors;
    }
}
