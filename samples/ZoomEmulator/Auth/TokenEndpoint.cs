using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using ZoomEmulator.Http;

namespace ZoomEmulator.Auth;

/// <summary>
/// <c>POST /oauth/token</c>, Server-to-Server OAuth (<c>grant_type=account_credentials</c>). Parameters come from the
/// query string or an x-www-form-urlencoded body; the client authenticates with HTTP Basic.
/// Zoom's error bodies for this endpoint are not in our facts, so errors follow RFC 6749 section 5.2
/// (<c>error</c>) and add a human-readable <c>reason</c>: bad client credentials → 401 <c>invalid_client</c>;
/// a missing parameter → 400 <c>invalid_request</c>; another grant type → 400 <c>unsupported_grant_type</c>;
/// an account id that is not the registered one → 400 <c>invalid_grant</c>.
/// </summary>
internal sealed class TokenEndpoint(EmulatorState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var tokens = state.Tokens;
        tokens.CountRequest();
        var options = state.Options;

        if (!TryReadBasic(context.Request, out var clientId, out var clientSecret)
            || !FixedTimeEquals(clientId, options.ClientId)
            || !FixedTimeEquals(clientSecret, options.ClientSecret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"zoom\"";
            await WriteErrorAsync(context, 401, "invalid_client", "Invalid client_id or client_secret");
            return;
        }

        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : null;
        var grantType = Parameter(context, form, "grant_type");
        var accountId = Parameter(context, form, "account_id");

        if (string.IsNullOrEmpty(grantType))
        {
            await WriteErrorAsync(context, 400, "invalid_request", "Missing grant_type");
        }
        else if (grantType != "account_credentials")
        {
            await WriteErrorAsync(context, 400, "unsupported_grant_type", "Unsupported grant type");
        }
        else if (string.IsNullOrEmpty(accountId))
        {
            await WriteErrorAsync(context, 400, "invalid_request", "Missing account_id");
        }
        else if (accountId != options.AccountId)
        {
            await WriteErrorAsync(context, 400, "invalid_grant", "Invalid account_id");
        }
        else
        {
            var body = new JsonObject
            {
                ["access_token"] = tokens.Issue(),
                ["token_type"] = "bearer",
                ["expires_in"] = (long)options.TokenLifetime.TotalSeconds,
                ["scope"] = options.Scope,
            };
            context.Response.Headers.CacheControl = "no-store";
            await JsonResponses.WriteAsync(context, 200, body);
        }
    }

    private static string? Parameter(HttpContext context, IFormCollection? form, string name)
    {
        StringValues value = default;
        if (form is not null && form.TryGetValue(name, out var fromBody))
        {
            value = fromBody;
        }
        else if (context.Request.Query.TryGetValue(name, out var fromQuery))
        {
            value = fromQuery;
        }

        return value.Count == 1 ? value[0] : null;
    }

    private static bool TryReadBasic(HttpRequest request, out string clientId, out string clientSecret)
    {
        clientId = clientSecret = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            clientId = decoded[..colon];
            clientSecret = decoded[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static Task WriteErrorAsync(HttpContext context, int status, string error, string reason) =>
        JsonResponses.WriteAsync(context, status, new JsonObject { ["reason"] = reason, ["error"] = error });
}
