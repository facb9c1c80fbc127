using System.Net;

namespace Codegen.Runtime.Errors;

/// <summary>
/// The server accepted the request (a 2xx answer) but its body could not be read as the expected type.
/// The request WAS processed (a meeting may have been created): do not simply send it again.
/// </summary>
public sealed class ApiResponseFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiResponseFormatException(string operationId, HttpStatusCode statusCode, string? requestId, Exception innerException)
        : base($"The call of {operationId} succeeded with HTTP {(int)statusCode} but its response body could not be read: {innerException.Message} "
               + "The request was processed; do not send it again." + (requestId is null ? string.Empty : $" Request id: {requestId}"), innerException)
    {
        OperationId = operationId;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The operation that was called.</summary>
    public string OperationId { get; }

    /// <summary>The success status the server sent.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's request id, when it sent one.</summary>
    public string? RequestId { get; }
}
