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
    private readonly Lazy<QuotaLimiter?> _limiter;
    private readonly Lazy<IQuotaGate?> _quotaGate;

    public ApiClientServices(IServiceProvider services, ApiDescription description)
    {
        Description = description;
        TokenProvider = services.GetKeyedService<IAccessTokenProvider>(description.Name);
        _limiter = new Lazy<QuotaLimiter?>(() =>
            services.GetKeyedService<QuotaLimiter>(description.Name)
            ?? QuotaRegistration.CreateDefaultLimiter(services, description, services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(description.Name)));
        _quotaGate = new Lazy<IQuotaGate?>(() => _limiter.Value is { } limiter ? new LimiterQuotaGate(limiter) : null);
    }

    public ApiDescription Description { get; }

    public IAccessTokenProvider? TokenProvider { get; }

    public QuotaLimiter? QuotaLimiter => _limiter.Value;

    public IQuotaGate? QuotaGate => _quotaGate.Value;

    public ApiInvoker CreateInvoker(HttpClient httpClient, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(Description.Name);
        return new ApiInvoker(httpClient, Description, options, TokenProvider, QuotaGate,
            services.GetRequiredService<TimeProvider>(), services.GetService<ILoggerFactory>());
    }
}
