using Codegen.Runtime.Quotas;
using Codegen.Runtime.Quotas.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite quota store.</summary>
public static class SqliteQuotaStoreServiceCollectionExtensions
{
    /// <summary>Makes every generated client count its quotas in the SQLite file <paramref name="path"/>, replacing the in-memory default.</summary>
    public static IServiceCollection AddSqliteQuotaStore(this IServiceCollection services, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return services.AddSqliteQuotaStore(o => o.Path = path);
    }

    /// <summary>Makes every generated client count its quotas in a SQLite file, replacing the in-memory default.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The database file cannot be created or opened; the message names the path and the cause.</exception>
    public static IServiceCollection AddSqliteQuotaStore(this IServiceCollection services, Action<SqliteQuotaStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteQuotaStoreOptions();
        configure(options);
        var store = new SqliteQuotaStore(options); // validates the options now
        store.EnsureCreated();                     // and opens the file now, so a bad path fails at startup
        services.Replace(ServiceDescriptor.Singleton<IQuotaStore>(store));
        return services;
    }
}
