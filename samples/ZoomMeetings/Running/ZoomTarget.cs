using ZoomEmulator;

namespace ZoomMeetings.Running;

/// <summary>
/// Which Zoom the sample talks to: the real one when ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are all
/// set, otherwise an emulator (a running one from the environment, or one started in this process on a free
/// loopback port and stopped on dispose).
/// </summary>
public sealed class ZoomTarget : IAsyncDisposable
{
    /// <summary>Zoom's API base address.</summary>
    public static readonly Uri ZoomApi = new("https://api.zoom.us/v2/");

    /// <summary>Zoom's Server-to-Server OAuth token endpoint.</summary>
    public static readonly Uri ZoomTokenEndpoint = new("https://zoom.us/oauth/token");

    private readonly ZoomEmulatorServer? _ownedEmulator;

    private ZoomTarget(string description, Uri apiBase, Uri tokenEndpoint, string accountId, string clientId, string clientSecret, ZoomEmulatorServer? emulator, bool ownsEmulator)
    {
        Description = description;
        ApiBase = apiBase;
        TokenEndpoint = tokenEndpoint;
        AccountId = accountId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Emulator = emulator;
        _ownedEmulator = ownsEmulator ? emulator : null;
    }

    /// <summary>One line saying where requests go (never the secret).</summary>
    public string Description { get; }

    /// <summary>The API base address.</summary>
    public Uri ApiBase { get; }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>Server-to-Server OAuth account id.</summary>
    public string AccountId { get; }

    /// <summary>Server-to-Server OAuth client id.</summary>
    public string ClientId { get; }

    /// <summary>Server-to-Server OAuth client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The emulator in use, or <see langword="null"/> for the real Zoom.</summary>
    public ZoomEmulatorServer? Emulator { get; }

    /// <summary>Names the ZOOM_* variables that are missing when only some are set; empty when usable.</summary>
    public static IReadOnlyList<string> PartialCredentials(SampleEnvironment environment)
    {
        var names = new[] { "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET" };
        var missing = names.Where(n => string.IsNullOrWhiteSpace(environment.GetVariable(n))).ToArray();
        return missing.Length is 0 or 3 ? [] : missing;
    }

    /// <summary>Picks the target (call <see cref="PartialCredentials"/> first).</summary>
    public static async Task<ZoomTarget> ResolveAsync(SampleEnvironment environment, CancellationToken cancellationToken)
    {
        var accountId = environment.GetVariable("ZOOM_ACCOUNT_ID");
        var clientId = environment.GetVariable("ZOOM_CLIENT_ID");
        var clientSecret = environment.GetVariable("ZOOM_CLIENT_SECRET");
        if (!string.IsNullOrWhiteSpace(accountId) && !string.IsNullOrWhiteSpace(clientId) && !string.IsNullOrWhiteSpace(clientSecret))
        {
            return new ZoomTarget(
                $"Using Zoom at {ZoomApi.AbsoluteUri.TrimEnd('/')} (Server-to-Server OAuth app {clientId.Trim()}, account {accountId.Trim()})",
                ZoomApi, ZoomTokenEndpoint, accountId.Trim(), clientId.Trim(), clientSecret.Trim(), emulator: null, ownsEmulator: false);
        }

        var owns = environment.Emulator is null;
        var emulator = environment.Emulator
            ?? await ZoomEmulatorServer.StartAsync(new ZoomEmulatorOptions { TimeProvider = environment.Clock }, cancellationToken);
        var where = owns ? "started in this process" : "provided";
        return new ZoomTarget(
            $"Using the Zoom emulator ({where}) at {emulator.ApiBaseAddress.AbsoluteUri.TrimEnd('/')}; set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET to use api.zoom.us",
            emulator.ApiBaseAddress, emulator.TokenEndpoint, emulator.AccountId, emulator.ClientId, emulator.ClientSecret, emulator, owns);
    }

    /// <summary>Stops the emulator the sample started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownedEmulator is not null)
        {
            await _ownedEmulator.DisposeAsync();
        }
    }
}
