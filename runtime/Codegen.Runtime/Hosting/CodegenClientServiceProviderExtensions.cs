using Codegen.Runtime.Quotas;

namespace Codegen.Runtime.Hosting;

/// <summary>Reads the per-client services that <c>AddCodegenClient</c> registered.</summary>
public static class CodegenClientServiceProviderExtensions
{
    /// <summary>
    /// The quota limiter that a registered client uses (to read a quota's status, for example today's remaining
    /// creates for a host), or <see langword="null"/> when the client enforces no quota or was not registered.
    /// </summary>
    /// <param name="services">The application's service provider.</param>
    /// <param name="clientName">The client name, as in the spec's <c>ClientName</c> metadata.</param>
    public static QuotaLimiter? GetQuotaLimiter(this IServiceProvider services, string clientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clientName);
        var keyed = services as Microsoft.Extensions.DependencyInjection.IKeyedServiceProvider
            ?? services.GetService(typeof(Microsoft.Extensions.DependencyInjection.IKeyedServiceProvider)) as Microsoft.Extensions.DependencyInjection.IKeyedServiceProvider;
        return keyed?.GetKeyedService(typeof(ApiClientServices), clientName) is ApiClientServices client
            ? client.QuotaLimiter
            : null;
    }
}
