using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using ZoomEmulator.Admin;
using ZoomEmulator.Auth;
using ZoomEmulator.Faults;
using ZoomEmulator.Inspection;
using ZoomEmulator.Meetings;

namespace ZoomEmulator;

/// <summary>
/// A local, Zoom-compatible HTTP server for the endpoints the project serves: Server-to-Server OAuth tokens,
/// Create a meeting and Get a meeting, with Zoom's errors, rate limits and <c>start_url</c> expiry, plus fault
/// switches for tests. It listens on loopback only. Start it with <see cref="StartAsync"/>, stop it with
/// <see cref="DisposeAsync"/>.
/// </summary>
public sealed class ZoomEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private ZoomEmulatorServer(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The Zoom API base, <see cref="BaseAddress"/> + <c>v2/</c> (Zoom: <c>https://api.zoom.us/v2/</c>).</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "v2/");

    /// <summary>The token endpoint, <see cref="BaseAddress"/> + <c>oauth/token</c> (Zoom: <c>https://zoom.us/oauth/token</c>).</summary>
    public Uri TokenEndpoint => new(BaseAddress, "oauth/token");

    /// <summary>The clock the emulator uses for every expiry and limit.</summary>
    public TimeProvider TimeProvider => _state.Clock;

    /// <summary>The settings the server was started with (treat as read-only).</summary>
    public ZoomEmulatorOptions Options => _state.Options;

    /// <summary>The registered account id.</summary>
    public string AccountId => _state.Options.AccountId;

    /// <summary>The registered client id.</summary>
    public string ClientId => _state.Options.ClientId;

    /// <summary>The registered client secret.</summary>
    public string ClientSecret => _state.Options.ClientSecret;

    /// <summary>Faults to inject into the next requests; settable at any time.</summary>
    public FaultSwitches Faults => _state.Faults;

    /// <summary>Whether <c>X-RateLimit-*</c> and <c>Retry-After</c> headers are sent; settable at any time.</summary>
    public bool SendRateLimitHeaders
    {
        get => _state.SendRateLimitHeaders;
        set => _state.SendRateLimitHeaders = value;
    }

    /// <summary>How many requests reached <c>/oauth/token</c> (successful or not, faults excluded).</summary>
    public int TokenRequestCount => _state.Tokens.Requests;

    /// <summary>How many access tokens were issued.</summary>
    public int TokensIssuedCount => _state.Tokens.Issued;

    /// <summary>How many create requests reached the Create-a-meeting operation in total (see <see cref="CreateRequestsReceived"/>).</summary>
    public int TotalCreateRequestsReceived => _state.TotalCreatesReceived;

    /// <summary>Every API and token request so far, in arrival order (admin requests excluded).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _state.Log.Snapshot();

    /// <summary>Ids of all stored meetings.</summary>
    public IReadOnlyList<long> MeetingIds => _state.Meetings.Ids;

    /// <summary>Starts a server and waits until it listens.</summary>
    /// <param name="options">Settings; defaults when null. Validated before anything starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    public static async Task<ZoomEmulatorServer> StartAsync(ZoomEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ZoomEmulatorOptions();
        options.Validate();
        var endpoint = ListenEndpoint(new Uri(options.Url));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ZoomEmulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));

        var app = builder.Build();
        var state = new EmulatorState(options);
        var server = new Lazy<Uri>(() => ResolveBaseAddress(app));
        var front = new FaultMiddleware(state, app.Lifetime.ApplicationStopping);
        app.Use((context, next) => front.InvokeAsync(context, next));

        app.MapPost("/oauth/token", new RequestDelegate(new TokenEndpoint(state).HandleAsync));
        app.MapPost("/v2/users/{userId}/meetings", new RequestDelegate(new CreateMeetingEndpoint(state).HandleAsync));
        app.MapGet("/v2/meetings/{meetingId}", new RequestDelegate(new GetMeetingEndpoint(state).HandleAsync));
        AdminEndpoints.Map(app, state, () => server.Value);

        await app.StartAsync(cancellationToken);
        return new ZoomEmulatorServer(app, state, server.Value);
    }

    /// <summary>How many create requests for <paramref name="userId"/> reached the Create-a-meeting operation: past
    /// the bearer check and any fault that answers early (fail, 503), whatever the outcome (201, 400, 404, 429, or a
    /// dropped connection). <c>me</c>, e-mails of any case and known host ids of one user share one count.</summary>
    public int CreateRequestsReceived(string userId) => _state.CreatesReceived(userId);

    /// <summary>Completes once at least <paramref name="total"/> create requests (all users) have reached the
    /// Create-a-meeting operation; lets a test act while a request is in flight (for example during a slow answer).</summary>
    public Task WaitForCreateRequestsAsync(int total, CancellationToken cancellationToken = default) =>
        _state.WaitForCreatesReceivedAsync(total, cancellationToken);

    /// <summary>How many meetings are stored for <paramref name="userId"/> (including ones whose answer was dropped).</summary>
    public int MeetingsCreated(string userId) => _state.Users.KeyOf(userId) is { } key ? _state.Meetings.CountFor(key) : 0;

    /// <summary>How much of today's (UTC, by the emulator's clock) Create/Update allowance <paramref name="userId"/> has used.</summary>
    public int DailyUsage(string userId) => _state.Users.KeyOf(userId) is { } key ? _state.DailyLimit.UsedToday(key) : 0;

    /// <summary>The stored meeting as Get a meeting would answer it, minus <c>start_url</c>; null when unknown.</summary>
    public JsonObject? GetStoredMeeting(long meetingId) => _state.Meetings.Find(meetingId)?.Body();

    /// <summary>True when <paramref name="startUrl"/> was issued by this emulator and has not expired by its clock.</summary>
    public bool IsStartUrlValid(string startUrl) => _state.StartUrls.IsValid(startUrl);

    /// <summary>When <paramref name="startUrl"/> expires, or null when this emulator did not issue it.</summary>
    public DateTimeOffset? GetStartUrlExpiry(string startUrl) => _state.StartUrls.ExpiryOf(startUrl);

    /// <summary>Makes every issued access token invalid (as when Zoom deactivates an app); new tokens can be requested.</summary>
    public void RevokeAllTokens() => _state.Tokens.RevokeAll();

    /// <summary>Forgets tokens, meetings, counters, limits, the request log and armed faults; restores the header switch.
    /// The clock is not touched.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Stops listening and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IPEndPoint ListenEndpoint(Uri url)
    {
        // Kestrel cannot pick a free port for "localhost", so localhost means 127.0.0.1 here.
        var address = IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) ? ip : IPAddress.Loopback;
        return new IPEndPoint(address, url.Port);
    }

    private static Uri ResolveBaseAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }
}
