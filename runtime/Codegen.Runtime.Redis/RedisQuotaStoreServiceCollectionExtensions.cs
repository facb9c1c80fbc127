using Codegen.Runtime.Quotas;
using Codegen.Runtime.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Redis quota store.</summary>
public static class RedisQuotaStoreServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the registered <see cref="IQuotaStore"/> (the in-memory default) with a <see cref="RedisQuotaStore"/>
    /// shared by every instance that uses the same Redis and <see cref="RedisQuotaStoreOptions.KeyPrefix"/>. The options
    /// are validated here; the connection is opened when the store is first resolved, with <c>abortConnect=false</c>, so
    /// the application starts even while Redis is down (the failure mode decides until it is up).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, for example <c>localhost:6379</c>.</param>
    /// <param name="configure">Changes the default options.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException">The configuration string is empty or invalid, or an option is invalid.</exception>
    public static IServiceCollection AddRedisQuotaStore(this IServiceCollection services, string configuration, Action<RedisQuotaStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = new RedisQuotaStoreOptions();
        configure?.Invoke(options);
        var connectionOptions = RedisQuotaStore.CreateConnectionOptions(configuration, options); // validates both

        services.Replace(ServiceDescriptor.Singleton<IQuotaStore>(provider =>
        {
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<RedisQuotaStore>();
            var connection = ConnectionMultiplexer.Connect(connectionOptions);
            return new RedisQuotaStore(connection, options, logger, ownsConnection: true);
        }));
        return services;
    }
}
