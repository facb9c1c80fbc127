using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Hosting;

/// <summary>Where DI meets the quota limiter: the default store and the limiter of each client.</summary>
internal static class QuotaRegistration
{
    /// <summary>The in-memory store unless the application registered another (SQLite, Redis).</summary>
    public static void AddDefaultQuotaStore(IServiceCollection services) =>
        services.TryAddSingleton<IQuotaStore, InMemoryQuotaStore>();

    /// <summary>A limiter over the spec's quota policies and the client's quota options; none when the spec declares no quota.</summary>
    public static QuotaLimiter? CreateDefaultLimiter(IServiceProvider services, ApiDescription description, ApiClientOptions options)
    {
        var quotas = options.Quotas;
        if (description.Quotas.Count == 0 && quotas.Policies.Count == 0)
        {
            return null;
        }
        // The client-level plan applies unless the quota options name one themselves.
        quotas.Plan ??= options.Plan;
        return new QuotaLimiter(
            description,
            services.GetRequiredService<IQuotaStore>(),
            quotas,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<QuotaLimiter>>());
    }
}
