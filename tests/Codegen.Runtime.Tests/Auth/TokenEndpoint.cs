using Codegen.Runtime.Tests.Transport;
using Microsoft.AspNetCore.Http;

namespace Codegen.Runtime.Tests.Auth;

/// <summary>A Kestrel stand-in for Zoom's <c>/oauth/token</c>: issues <c>token-1</c>, <c>token-2</c>… unless told to fail.</summary>
internal static class TokenEndpoint
{
    public const string AccountId = "acct-123";
    public const string ClientId = "client-abc";
    public const string ClientSecret = "s3cr3t-client-secret-value";

    public static Task Issue(HttpContext context, int number, int expiresIn = 3600) =>
        context.WriteJsonAsync(200, $$"""{"access_token":"token-{{number}}","token_type":"bearer","expires_in":{{expiresIn}},"scope":"meeting:write:admin"}""");

    public static Uri Url(LoopbackServer server) => new(server.BaseAddress, "oauth/token");
}
