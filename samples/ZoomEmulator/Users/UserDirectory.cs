using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ZoomEmulator.Users;

/// <summary>
/// Which users exist. <c>me</c> is the app owner (<see cref="ZoomEmulatorOptions.OwnerEmail"/>); any e-mail-like id
/// exists unless listed in <see cref="ZoomEmulatorOptions.UnknownUsers"/>; a <c>host_id</c> the emulator has already
/// handed out also resolves to its user. E-mails are compared case-insensitively, so <c>A@x.com</c> and <c>a@x.com</c>
/// share one daily limit.
/// </summary>
internal sealed class UserDirectory(ZoomEmulatorOptions options)
{
    private readonly ConcurrentDictionary<string, ZoomUser> _byHostId = new(StringComparer.Ordinal);

    public ZoomUser? Find(string userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || options.UnknownUsers.Contains(userId))
        {
            return null;
        }

        if (string.Equals(userId, "me", StringComparison.OrdinalIgnoreCase))
        {
            return ForEmail(options.OwnerEmail);
        }

        if (_byHostId.TryGetValue(userId, out var known))
        {
            return options.UnknownUsers.Contains(known.Email) ? null : known;
        }

        return LooksLikeEmail(userId) ? ForEmail(userId) : null;
    }

    /// <summary>The key used for counters and limits, or null when the id names no user.</summary>
    public string? KeyOf(string userId) => Find(userId)?.Key;

    private ZoomUser ForEmail(string email)
    {
        var key = email.ToLowerInvariant();
        var hostId = HostIdFor(key);
        return _byHostId.GetOrAdd(hostId, _ => new ZoomUser(key, email, hostId));
    }

    /// <summary>A stable 22-character id shaped like Zoom's user ids.</summary>
    private static string HostIdFor(string key) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@');
        return at > 0
            && at == value.LastIndexOf('@')
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace);
    }

    public void Reset() => _byHostId.Clear();
}
