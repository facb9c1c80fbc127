using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Codegen.Runtime.Hosting;

/// <summary>
/// Where DI meets the quota limiter.
/// MERGE NOTE (lead): the default store and limiter need types from the quota branch (QuotaLimiter's constructor,
/// QuotaOptions, InMemoryQuotaStore). After merging, fill in the two marked places below; until then a client enforces
/// local quotas only when a limiter is registered with <c>WithQuotaLimiter</c>.
/// </summary>
internal static class QuotaRegistration
{
    public static void AddDefaultQuotaStore(IServiceCollection services)
    {
        // MERGE: services.TryAddSingleton<IQuotaStore, InMemoryQuotaStore>();
        _ = services;
    }

    public static QuotaLimiter? CreateDefaultLimiter(IServiceProvider services, ApiDescription description, ApiClientOptions options)
    {
        if (description.Quotas.Count == 0)
        {
            return null;
        }
        // MERGE: return new QuotaLimiter(description, services.GetRequiredService<IQuotaStore>(),
        //            new QuotaOptions { Plan = options.Plan }, services.GetRequiredService<TimeProvider>(),
        //            services.GetService<Microsoft.Extensions.Logging.ILogger<QuotaLimiter>>());
        _ = services;
        _ = options;
        return null;
    }
}
