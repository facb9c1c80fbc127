using Codegen.EndToEnd.Tests.Zoom.Generated;
using Codegen.Runtime.Hosting;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZoomEmulator;

namespace Codegen.EndToEnd.Tests.Zoom;

/// <summary>A generated client with the quota limiter it was built with.</summary>
internal sealed record ZoomClient<TClient>(TClient Client, QuotaLimiter Limiter);

/// <summary>
/// The emulator on a free loopback port and any number of generated clients, all on one fake clock, wired through DI
/// the way an application wires them (Server-to-Server OAuth against the emulator, a quota limiter over a store).
/// </summary>
internal sealed class ZoomWorld : IAsyncDisposable
{
    /// <summary>A Thursday morning, far from midnight.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    /// <summary>When the daily quota of <see cref="Start"/>'s day frees up.</summary>
    public static readonly DateTimeOffset NextUtcMidnight = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Between creates the clock moves this much, so neither side's 20-per-second Medium label is reached.</summary>
    public static readonly TimeSpan PauseBetweenCreates = TimeSpan.FromMilliseconds(100);

    private readonly List<ServiceProvider> _providers = [];
    private readonly CancellationTokenSource _guard = new(TimeSpan.FromMinutes(2));

    private ZoomWorld(ZoomEmulatorServer emulator, FakeTimeProvider clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public ZoomEmulatorServer Emulator { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Ends a call that would otherwise hang the run (a safety net; no test relies on it).</summary>
    public CancellationToken Guard => _guard.Token;

    /// <summary>
    /// Create requests that reached the emulator's endpoint (all hosts). Counted when a request arrives, so it is exact
    /// as soon as the client has its answer; the emulator's request log is written after the answer and may lag.
    /// </summary>
    public int CreatesReceived => Emulator.TotalCreateRequestsReceived;

    /// <summary>No token request and no create reached the emulator (counted on arrival), and its log is empty.</summary>
    public bool NothingReceived => Emulator.TokenRequestCount == 0 && Emulator.TotalCreateRequestsReceived == 0 && Emulator.Requests.Count == 0;

    public static async Task<ZoomWorld> StartAsync(Action<ZoomEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new ZoomEmulatorOptions { TimeProvider = clock };
        configure?.Invoke(options);
        return new ZoomWorld(await ZoomEmulatorServer.StartAsync(options), clock);
    }

    /// <summary>This project's generated client over <paramref name="store"/> (a fresh in-memory store when null).</summary>
    public ZoomClient<ZoomMeetingsClient> CreateClient(IQuotaStore? store = null) =>
        CreateClient<ZoomMeetingsClient>(ZoomMeetingsApi.Description, static (services, configure) => services.AddZoomMeetingsClient(configure), store);

    /// <summary>Any generated client of the Zoom spec (the sample's, too), registered by its generated DI method.</summary>
    public ZoomClient<TClient> CreateClient<TClient>(
        ApiDescription description,
        Func<IServiceCollection, Action<ApiClientOptions>, IHttpClientBuilder> addGeneratedClient,
        IQuotaStore? store = null)
        where TClient : class
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        if (store is not null)
        {
            services.AddSingleton(store); // otherwise AddCodegenClient's default: a new in-memory store
        }
        addGeneratedClient(services, options => options.BaseAddress = Emulator.ApiBaseAddress)
            .WithZoomServerToServerAuth(Emulator.AccountId, Emulator.ClientId, Emulator.ClientSecret, Emulator.TokenEndpoint);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return new ZoomClient<TClient>(provider.GetRequiredService<TClient>(), provider.GetQuotaLimiter(description.Name)!);
    }

    /// <summary>A valid weekly meeting.</summary>
    public static CreateMeetingRequest WeeklyMeeting(string topic = "End-to-end weekly") => new()
    {
        Topic = topic,
        Type = MeetingType.RecurringFixedTime,
        StartTime = "2026-11-30T09:00:00",
        Timezone = "Europe/Berlin",
        Duration = 30,
        Recurrence = new Recurrence { Type = RecurrenceType.Weekly, RepeatInterval = 1, WeeklyDays = "2,4", EndTimes = 4 },
    };

    /// <summary>Creates <paramref name="count"/> meetings for <paramref name="host"/>, moving the clock a little after each.</summary>
    public async Task CreateManyAsync(ZoomMeetingsClient client, int count, string host = "me")
    {
        for (var i = 0; i < count; i++)
        {
            await client.CreateMeetingAsync(host, WeeklyMeeting($"Meeting {i + 1}"), Guard);
            Clock.Advance(PauseBetweenCreates);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await Emulator.DisposeAsync();
        _guard.Dispose();
    }
}
