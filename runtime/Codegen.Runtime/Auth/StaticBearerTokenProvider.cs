namespace Codegen.Runtime.Auth;

/// <summary>A fixed bearer token (for tests, scripts, or tokens managed elsewhere). A 401 is not retried: the token cannot change.</summary>
public sealed class StaticBearerTokenProvider : IAccessTokenProvider
{
    private readonly string _token;

    /// <summary>Uses <paramref name="accessToken"/> for every call.</summary>
    public StaticBearerTokenProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _token = accessToken;
    }

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public bool Invalidate(string accessToken) => false;

    /// <inheritdoc />
    public override string ToString() => "StaticBearerTokenProvider(***)";
}
