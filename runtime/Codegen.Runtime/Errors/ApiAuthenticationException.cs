using System.Net;

namespace Codegen.Runtime.Errors;

/// <summary>
/// An access token could not be obtained (the token endpoint refused the credentials, answered badly or could not be
/// reached). The message names the cause and never contains the client secret or a token. Nothing was sent to the API.
/// </summary>
public sealed class ApiAuthenticationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiAuthenticationException(string message, HttpStatusCode? statusCode = null, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The token endpoint's HTTP status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The token endpoint's error code (OAuth <c>error</c> or Zoom <c>code</c>), when it gave one.</summary>
    public string? ErrorCode { get; }
}
