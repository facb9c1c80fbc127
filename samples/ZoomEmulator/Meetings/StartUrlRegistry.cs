using System.Collections.Concurrent;
using System.Security.Cryptography;
using ZoomEmulator.Users;

namespace ZoomEmulator.Meetings;

/// <summary>
/// Issues host <c>start_url</c>s and knows when each expires: two hours after issue for regular hosts, 90 days for
/// <c>custCreate</c> hosts (Zoom's operation description). Each issue (create, every Get a meeting) makes a new URL;
/// older URLs stay valid until their own expiry. URLs point at the non-routable host <c>zoom.example</c>.
/// </summary>
internal sealed class StartUrlRegistry(ZoomEmulatorOptions options)
{
    public const string Host = "zoom.example";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiryByToken = new(StringComparer.Ordinal);

    public string Issue(long meetingId, ZoomUser host)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var custCreate = options.CustCreateHosts.Any(h =>
            string.Equals(h, host.Email, StringComparison.OrdinalIgnoreCase) || string.Equals(h, host.HostId, StringComparison.Ordinal));
        var lifetime = custCreate ? options.CustCreateStartUrlLifetime : options.StartUrlLifetime;
        _expiryByToken[token] = options.TimeProvider.GetUtcNow() + lifetime;
        return $"https://{Host}/s/{meetingId}?zak={token}";
    }

    /// <summary>When the URL expires, or null when the emulator never issued it.</summary>
    public DateTimeOffset? ExpiryOf(string startUrl)
    {
        var token = TokenOf(startUrl);
        return token is not null && _expiryByToken.TryGetValue(token, out var expiry) ? expiry : null;
    }

    public bool IsValid(string startUrl) =>
        ExpiryOf(startUrl) is { } expiry && options.TimeProvider.GetUtcNow() < expiry;

    public void Reset() => _expiryByToken.Clear();

    private static string? TokenOf(string startUrl)
    {
        if (!Uri.TryCreate(startUrl, UriKind.Absolute, out var uri) || uri.Host != Host)
        {
            return null;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("zak=", StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[4..]);
            }
        }

        return null;
    }
}
