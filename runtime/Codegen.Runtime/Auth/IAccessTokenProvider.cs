namespace Codegen.Runtime.Auth;

/// <summary>
/// Supplies the bearer token the transport puts in the <c>Authorization</c> header of every attempt.
/// Implementations are thread-safe and shared by all calls of a client.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>Returns a token that is valid now, fetching a new one when needed.</summary>
    /// <param name="cancellationToken">Stops this caller's wait (a fetch shared with other callers goes on).</param>
    /// <exception cref="Errors.ApiAuthenticationException">A token could not be obtained.</exception>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the provider the server refused <paramref name="accessToken"/> (a 401). Returns <see langword="true"/> when
    /// the next <see cref="GetAccessTokenAsync"/> can bring a different token, so one re-send is worthwhile.
    /// </summary>
    bool Invalidate(string accessToken);
}
