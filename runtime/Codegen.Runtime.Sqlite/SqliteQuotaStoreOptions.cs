namespace Codegen.Runtime.Quotas.Sqlite;

/// <summary>Where the SQLite quota store keeps its file and how long it waits for other processes.</summary>
public sealed class SqliteQuotaStoreOptions
{
    /// <summary>The database file; created with its folder and schema on first use. Processes that share quotas use the same file.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>How long a call waits for another process's transaction before failing (default 30 seconds).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often expired windows, permits and blocks are deleted from the file (default one minute).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the values; returns clear messages, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("SqliteQuotaStoreOptions.Path must name the database file, for example 'quotas.db'.");
        }
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"SqliteQuotaStoreOptions.BusyTimeout must be between 0 and 10 minutes (was {BusyTimeout}).");
        }
        if (CleanupInterval <= TimeSpan.Zero)
        {
            errors.Add($"SqliteQuotaStoreOptions.CleanupInterval must be positive (was {CleanupInterval}).");
        }
        return errors;
    }
}
