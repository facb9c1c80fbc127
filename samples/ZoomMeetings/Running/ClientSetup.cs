using Codegen.Runtime.Hosting;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Zoom.Meetings;
using ZoomMeetings.Cli;

namespace ZoomMeetings.Running;

/// <summary>The generated client wired through DI the way an application would: runtime transport, auth and quotas.</summary>
public sealed class ZoomSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    internal ZoomSession(ServiceProvider services)
    {
        _services = services;
        Client = services.GetRequiredService<ZoomMeetingsClient>();
        Limiter = services.GetQuotaLimiter(ZoomMeetingsApi.Description.Name)
            ?? throw new InvalidOperationException("The Zoom spec declares quotas, so the client must have a quota limiter.");
        Clock = services.GetRequiredService<TimeProvider>();
    }

    /// <summary>The generated client.</summary>
    public ZoomMeetingsClient Client { get; }

    /// <summary>The client's quota limiter (for today's remaining count).</summary>
    public QuotaLimiter Limiter { get; }

    /// <summary>The clock everything runs on.</summary>
    public TimeProvider Clock { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Builds a <see cref="ZoomSession"/>.</summary>
public static class ClientSetup
{
    /// <summary>Registers the client for <paramref name="target"/> with the quota store the options name.</summary>
    public static ZoomSession Create(ZoomTarget target, SampleOptions options, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock);
        AddQuotaStore(services, options);

        // Generated from the spec: the client, its options and its quota policies (the limiter is the runtime's
        // default, over the registered IQuotaStore); the runtime adds Server-to-Server OAuth.
        services.AddZoomMeetingsClient(client => client.BaseAddress = target.ApiBase)
            .WithZoomServerToServerAuth(target.AccountId, target.ClientId, target.ClientSecret, target.TokenEndpoint);

        return new ZoomSession(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    // Memory needs nothing: AddCodegenClient registers the in-memory store unless another store is registered.
    private static void AddQuotaStore(IServiceCollection services, SampleOptions options)
    {
        switch (options.QuotaStore)
        {
            case QuotaStoreKind.Sqlite:
                try
                {
                    // The store opens its file here, so an unusable path is reported before anything is sent.
                    services.AddSqliteQuotaStore(options.QuotaStoreTarget!);
                }
                catch (InvalidOperationException exception)
                {
                    throw new QuotaStoreSetupException(exception.Message, exception);
                }
                break;
            case QuotaStoreKind.Redis:
                services.AddRedisQuotaStore(options.QuotaStoreTarget!);
                break;
        }
    }
}

/// <summary>The chosen quota store cannot be used (for SQLite: its file cannot be created or opened).</summary>
internal sealed class QuotaStoreSetupException(string message, Exception inner) : Exception(message, inner);
