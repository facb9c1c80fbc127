using System.Net;
using System.Text;
using Codegen.Runtime.Redaction;

namespace Codegen.Runtime.Errors;

/// <summary>
/// The server answered with a status outside 2xx. Everything the answer said is here, read tolerantly from Zoom's
/// <c>{code, message, errors[]}</c> body: the Zoom error code, the message, field errors, rate-limit headers and
/// the request id to quote to the API's support. The message never contains a secret.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(
        HttpStatusCode statusCode,
        string operationId,
        int? errorCode,
        string? errorMessage,
        IReadOnlyList<ApiFieldError>? fieldErrors,
        RateLimitInfo? rateLimit,
        string? requestId,
        RateLimitKind rateLimitKind = RateLimitKind.Unknown,
        Exception? innerException = null)
        : base(Describe(statusCode, operationId, errorCode, errorMessage, fieldErrors, requestId), innerException)
    {
        StatusCode = statusCode;
        OperationId = operationId ?? string.Empty;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage is null ? null : Redactor.RedactText(errorMessage);
        FieldErrors = fieldErrors is null or { Count: 0 }
            ? Array.Empty<ApiFieldError>()
            : fieldErrors.Select(e => new ApiFieldError(Redactor.RedactText(e.Field), Redactor.RedactText(e.Message))).ToArray();
        RateLimit = rateLimit ?? new RateLimitInfo();
        RequestId = requestId;
        RateLimitKind = rateLimitKind;
    }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The operation that was called.</summary>
    public string OperationId { get; }

    /// <summary>The API's own error code (Zoom's <c>code</c>, for example 3161 or 1001), when the body had one.</summary>
    public int? ErrorCode { get; }

    /// <summary>The API's error message, with any URL query values and credentials masked.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The fields the server rejected (Zoom's <c>errors</c> array).</summary>
    public IReadOnlyList<ApiFieldError> FieldErrors { get; }

    /// <summary>The rate-limit headers of the answer (empty when it had none).</summary>
    public RateLimitInfo RateLimit { get; }

    /// <summary>For a 429: which limit the server reported.</summary>
    public RateLimitKind RateLimitKind { get; }

    /// <summary>The server's request id (<c>x-zm-trackingid</c> for Zoom, or <c>x-request-id</c>).</summary>
    public string? RequestId { get; }

    /// <summary><see langword="true"/> for a 429 answer.</summary>
    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>
    /// The body of the answer as the server sent it (a copy; empty when there was none). It is not redacted, unlike
    /// <see cref="ErrorMessage"/> and <see cref="Exception.Message"/>: do not log it whole.
    /// </summary>
    public ReadOnlyMemory<byte> ResponseBody { get; init; }

    /// <summary>The media type of <see cref="ResponseBody"/> (<c>application/json</c>), when the answer named one.</summary>
    public string? ResponseContentType { get; init; }

    /// <summary>
    /// Reads <see cref="ResponseBody"/> with a generated model, typically the error schema the API description gives
    /// for this status (the generator emits a type for every named schema any response uses).
    /// </summary>
    /// <typeparam name="T">The generated model.</typeparam>
    /// <param name="value">The body read as <typeparamref name="T"/>, or <see langword="default"/>.</param>
    /// <returns><see langword="false"/> when there is no body or it is not a <typeparamref name="T"/> in JSON.</returns>
    public bool TryReadBody<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? value) where T : Json.IJsonModel<T>
    {
        value = default;
        if (ResponseBody.IsEmpty) return false;
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(ResponseBody.Span);
            if (!reader.Read()) return false;
            value = T.ReadJson(ref reader);
            return value is not null;
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            value = default;
            return false;
        }
    }

    private static string Describe(HttpStatusCode status, string operationId, int? code, string? message, IReadOnlyList<ApiFieldError>? fields, string? requestId)
    {
        var builder = new StringBuilder();
        builder.Append("The call of ").Append(operationId).Append(" failed with HTTP ").Append((int)status);
        if (code is not null)
        {
            builder.Append(", error code ").Append(code.Value);
        }
        if (!string.IsNullOrEmpty(message))
        {
            builder.Append(": ").Append(Redactor.RedactText(message));
        }
        else
        {
            builder.Append('.');
        }
        if (fields is { Count: > 0 })
        {
            foreach (var field in fields)
            {
                builder.AppendLine().Append("  - ").Append(Redactor.RedactText(field.ToString()));
            }
        }
        if (requestId is not null)
        {
            builder.AppendLine().Append("Request id: ").Append(requestId);
        }
        return builder.ToString();
    }
}
