using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ZoomEmulator.Auth;

/// <summary>
/// Issued access tokens and their expiry. Zoom allows several valid tokens at once and has no refresh token, so every
/// token request issues a new token and keeps the old ones valid until they expire.
/// </summary>
internal sealed class TokenStore(TimeProvider clock, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiryByToken = new(StringComparer.Ordinal);
    private int _requests;
    private int _issued;

    public int Requests => Volatile.Read(ref _requests);

    public int Issued => Volatile.Read(ref _issued);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    public string Issue()
    {
        var token = "emu_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _expiryByToken[token] = clock.GetUtcNow() + lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string token) =>
        _expiryByToken.TryGetValue(token, out var expiresAt) && clock.GetUtcNow() < expiresAt;

    /// <summary>Makes every issued token invalid, as when an app is deactivated.</summary>
    public void RevokeAll() => _expiryByToken.Clear();

    public void Reset()
    {
        _expiryByToken.Clear();
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _issued, 0);
    }
}
