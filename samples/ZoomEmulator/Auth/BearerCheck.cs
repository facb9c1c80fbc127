using ZoomEmulator.Http;

namespace ZoomEmulator.Auth;

/// <summary>
/// Guards every <c>/v2/</c> call. Since 2023-02-14 Zoom accepts the token only in the <c>Authorization</c> header: a
/// query-string <c>access_token</c> gets its own 401 message. A missing, unknown or expired token gets
/// 401 <c>{"code":124,"message":"Invalid access token."}</c>.
/// </summary>
internal static class BearerCheck
{
    public const string QueryTokenMessage =
        "Invalid access token, this access token is not supported as query parameter string.";

    public const string InvalidTokenMessage = "Invalid access token.";

    /// <summary>Returns true when the request may proceed; otherwise the 401 has been written.</summary>
    public static async Task<bool> AuthorizeAsync(HttpContext context, TokenStore tokens)
    {
        if (context.Request.Query.ContainsKey("access_token"))
        {
            await JsonResponses.WriteZoomErrorAsync(context, 401, 124, QueryTokenMessage);
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && tokens.IsValid(header[prefix.Length..].Trim()))
        {
            return true;
        }

        await JsonResponses.WriteZoomErrorAsync(context, 401, 124, InvalidTokenMessage);
        return false;
    }
}
