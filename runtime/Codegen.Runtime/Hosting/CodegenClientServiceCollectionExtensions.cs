using Codegen.Runtime.Auth;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Hosting;

/// <summary>DI registration of generated clients and their authentication.</summary>
public static class CodegenClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a generated client as a typed client of IHttpClientFactory named <see cref="ApiDescription.Name"/>, with
    /// its <see cref="ApiClientOptions"/> (named the same, validated on first use), a primary handler that does not follow
    /// redirects by itself behind <see cref="SafeRedirectHandler"/>, <see cref="TimeProvider.System"/> unless one is
    /// registered, and the client's quota limiter. Generated code calls
    /// <c>services.AddCodegenClient(Api.Description, static invoker =&gt; new XClient(invoker), configure)</c>.
    /// </summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="description">The API.</param>
    /// <param name="factory">Creates the client around its invoker.</param>
    /// <param name="configure">Changes the options (base address, timeouts, retries, plan…).</param>
    /// <returns>The builder, for <c>WithZoomServerToServerAuth</c>, <c>WithStaticBearerToken</c> and any IHttpClientFactory setting.</returns>
    public static IHttpClientBuilder AddCodegenClient<TClient>(
        this IServiceCollection services,
        ApiDescription description,
        Func<ApiInvoker, TClient> factory,
        Action<ApiClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(factory);
        var name = description.Name;

        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<ApiClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddSingleton<IValidateOptions<ApiClientOptions>>(new ApiClientOptionsValidator(name, description));
        services.TryAddKeyedSingleton(name, (provider, _) => new ApiClientServices(provider, description));
        QuotaRegistration.AddDefaultQuotaStore(services);

        return services
            .AddHttpClient<TClient, TClient>(name, (HttpClient httpClient, IServiceProvider provider) =>
                factory(provider.GetRequiredKeyedService<ApiClientServices>(name).CreateInvoker(httpClient, provider)))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // the invoker times each attempt
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler(provider => new SafeRedirectHandler(
                provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(name).MaxRedirects,
                provider.GetService<ILoggerFactory>()?.CreateLogger<SafeRedirectHandler>()));
    }

    /// <summary>Sends a fixed bearer token with every call of this client.</summary>
    public static IHttpClientBuilder WithStaticBearerToken(this IHttpClientBuilder builder, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = new StaticBearerTokenProvider(accessToken);
        return builder.WithAccessTokenProvider(_ => provider);
    }

    /// <summary>Authenticates this client with a Zoom Server-to-Server OAuth app.</summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="accountId">The app's account id.</param>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="clientSecret">The app's client secret (never logged).</param>
    /// <param name="tokenEndpoint">The token endpoint; <c>https://zoom.us/oauth/token</c> when <see langword="null"/>.</param>
    public static IHttpClientBuilder WithZoomServerToServerAuth(this IHttpClientBuilder builder, string accountId, string clientId, string clientSecret, Uri? tokenEndpoint = null) =>
        builder.WithZoomServerToServerAuth(options =>
        {
            options.AccountId = accountId;
            options.ClientId = clientId;
            options.ClientSecret = clientSecret;
            options.TokenEndpoint = tokenEndpoint ?? ZoomServerToServerOptions.DefaultTokenEndpoint;
        });

    /// <summary>
    /// Authenticates this client with a Zoom Server-to-Server OAuth app whose settings are configured here (or bound from
    /// configuration with <c>services.Configure&lt;ZoomServerToServerOptions&gt;(clientName, section)</c>). The token
    /// endpoint is reached through IHttpClientFactory client <c>{clientName}.OAuth</c>, which follows no redirects.
    /// </summary>
    public static IHttpClientBuilder WithZoomServerToServerAuth(this IHttpClientBuilder builder, Action<ZoomServerToServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = builder.Name;
        var tokenClientName = name + ".OAuth";
        builder.Services.AddOptions<ZoomServerToServerOptions>(name).Configure(configure);
        builder.Services.AddSingleton<IValidateOptions<ZoomServerToServerOptions>>(new ZoomServerToServerOptionsValidator(name));
        builder.Services.AddHttpClient(tokenClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false });
        return builder.WithAccessTokenProvider(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new ZoomServerToServerTokenProvider(
                () => factory.CreateClient(tokenClientName),
                provider.GetRequiredService<IOptionsMonitor<ZoomServerToServerOptions>>().Get(name),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<ZoomServerToServerTokenProvider>>());
        });
    }

    /// <summary>Uses a custom token provider for this client (one instance per client, shared by all its calls).</summary>
    public static IHttpClientBuilder WithAccessTokenProvider(this IHttpClientBuilder builder, Func<IServiceProvider, IAccessTokenProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<IAccessTokenProvider>(builder.Name);
        builder.Services.AddKeyedSingleton<IAccessTokenProvider>(builder.Name, (provider, _) => factory(provider));
        return builder;
    }

    /// <summary>Uses this quota limiter for the client instead of the default one (for example over a SQLite or Redis store).</summary>
    public static IHttpClientBuilder WithQuotaLimiter(this IHttpClientBuilder builder, Func<IServiceProvider, QuotaLimiter> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAllKeyed<QuotaLimiter>(builder.Name);
        builder.Services.AddKeyedSingleton(builder.Name, (provider, _) => factory(provider));
        return builder;
    }
}
