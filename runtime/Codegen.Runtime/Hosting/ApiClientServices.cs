using Codegen.Runtime.Auth;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Hosting;

/// <summary>
/// The per-client singletons behind every (transient) invoker of one named client: the token provider (its cache and
/// single flight must be shared) and the quota limiter.
/// </summary>
internal sealed class ApiClientServices
{
    private readonly Lazy<IQuotaGate?> _quotaGate;

    public ApiClientServices(IServiceProvider services, ApiDescription description)
    {
        Description = description;
        TokenProvider = services.GetKeyedService<IAccessTokenProvider>(description.Name);
        _quotaGate = new Lazy<IQuotaGate?>(() =>
        {
            var limiter = services.GetKeyedService<QuotaLimiter>(description.Name)
                ?? QuotaRegistration.CreateDefaultLimiter(services, description, services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(description.Name));
            return limiter is null ? null : new LimiterQuotaGate(limiter);
        });
    }

    public ApiDescription Description { get; }

    public IAccessTokenProvider? TokenProvider { get; }

    public IQuotaGate? QuotaGate => _quotaGate.Value;

    public ApiInvoker CreateInvoker(HttpClient httpClient, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(Description.Name);
        return new ApiInvoker(httpClient, Description, options, TokenProvider, QuotaGate,
            services.GetRequiredService<TimeProvider>(), services.GetService<ILoggerFactory>());
    }
}
