using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;

// WORKAROUND (generator, to be removed): the generated AddZoomMeetingsClient names
// `Codegen.Runtime.Hosting.ApiClientOptions`, but the runtime's type is `Codegen.Runtime.Transport.ApiClientOptions`,
// so the generated DI file does not compile. These two stand-ins only make it compile; the sample registers the
// client with the runtime's own AddCodegenClient (what the generated method is meant to call), see ClientSetup.
namespace Codegen.Runtime.Hosting
{
    /// <summary>Stand-in for the type the generated DI code names; never used.</summary>
    public sealed class ApiClientOptions
    {
    }

    /// <summary>Stand-in overload matching the generated call; never used.</summary>
    public static class GeneratedHostingShim
    {
        /// <summary>Always throws: call <see cref="CodegenClientServiceCollectionExtensions.AddCodegenClient{TClient}"/>.</summary>
        public static IServiceCollection AddCodegenClient<TClient>(
            this IServiceCollection services,
            ApiDescription description,
            Func<ApiInvoker, TClient> factory,
            Action<ApiClientOptions>? configure)
            where TClient : class =>
            throw new NotSupportedException(
                "The generated AddZoomMeetingsClient does not match the runtime yet; use services.AddCodegenClient(ZoomMeetingsApi.Description, ...) instead.");
    }
}
