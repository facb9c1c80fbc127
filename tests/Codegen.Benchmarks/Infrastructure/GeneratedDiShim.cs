using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

// WORKAROUND (reported to the lead): the generator's AddXxxClient extension names
// global::Codegen.Runtime.Hosting.ApiClientOptions, but the runtime declares ApiClientOptions in
// Codegen.Runtime.Transport, so the generated DI file does not compile. These two stand-ins in this
// benchmark assembly only let that one generated file compile; the benchmarks never call it.
namespace Codegen.Runtime.Hosting
{
    public sealed class ApiClientOptions
    {
    }

    public static class GeneratedDiShimExtensions
    {
        public static IServiceCollection AddCodegenClient<TClient>(
            this IServiceCollection services, ApiDescription description, Func<ApiInvoker, TClient> factory, Action<ApiClientOptions>? configure)
            where TClient : class =>
            throw new NotSupportedException("benchmark shim: see GeneratedDiShim.cs");
    }
}
