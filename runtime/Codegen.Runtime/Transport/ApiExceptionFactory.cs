using System.Net;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Transport.Pipeline;

namespace Codegen.Runtime.Transport;

/// <summary>Turns a non-2xx answer into an <see cref="ApiException"/>.</summary>
internal static class ApiExceptionFactory
{
    public static ApiException Create(ApiCall call, ApiClientOptions options, DateTimeOffset now)
    {
        var response = call.Response!;
        var body = call.ResponseBody is { Length: > 0 } bytes ? ApiErrorBody.Parse(bytes.Span) : ApiErrorBody.Empty;
        var rateLimit = RateLimitInfo.FromHeaders(response, now);
        var kind = response.StatusCode == HttpStatusCode.TooManyRequests ? RateLimitClassifier.Classify(rateLimit, body.Message) : RateLimitKind.Unknown;
        var message = body.Message ?? (string.IsNullOrEmpty(response.ReasonPhrase) ? null : response.ReasonPhrase);
        return new ApiException(response.StatusCode, call.Operation.OperationId, body.Code, message, body.FieldErrors, rateLimit, RequestIds.Find(response, options), kind)
        {
            // A copy: the pooled buffer goes back to the pool when the call ends, the exception lives on.
            ResponseBody = call.ResponseBody is { Length: > 0 } raw ? raw.Span.ToArray() : ReadOnlyMemory<byte>.Empty,
            ResponseContentType = response.Content?.Headers.ContentType?.MediaType,
        };
    }
}
