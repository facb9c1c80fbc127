using System.Text;
using Codegen.Runtime.Errors;

namespace Codegen.Runtime.Transport;

/// <summary>Non-JSON answers: a streamed body (files) and text.</summary>
public sealed partial class ApiInvoker
{
    /// <summary>
    /// Sends a request whose successful answer is a file or other binary body, handed over unread. Error answers are
    /// read and thrown as <see cref="ApiException"/> as usual.
    /// </summary>
    /// <param name="request">The request, built and validated by the generated client.</param>
    /// <param name="cancellationToken">Cancels the call until the headers arrive; a cancelled call is never retried.</param>
    /// <returns>The answer; the caller must dispose it.</returns>
    public async Task<ApiStreamResponse> SendForStreamAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        using var call = await RunAsync(request, cancellationToken, streamsResponse: true).ConfigureAwait(false);
        var response = call.DetachResponse();
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ApiStreamResponse(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request whose successful answer is text (<c>text/plain</c>, <c>text/csv</c>…), decoded by its charset (UTF-8 when none).</summary>
    /// <param name="request">The request, built and validated by the generated client.</param>
    /// <param name="cancellationToken">Cancels the call; a cancelled call is never retried.</param>
    public async Task<string> SendForTextAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        using var call = await RunAsync(request, cancellationToken).ConfigureAwait(false);
        var response = call.Response!;
        var bytes = call.ResponseBody is { } body ? body.Span : default;
        try
        {
            var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
            var encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset);
            // A byte order mark is not part of the text.
            var preamble = encoding.Preamble;
            if (preamble.Length > 0 && bytes.StartsWith(preamble))
            {
                bytes = bytes.Slice(preamble.Length);
            }
            return encoding.GetString(bytes);
        }
        catch (ArgumentException exception)
        {
            throw new ApiResponseFormatException(request.Operation.OperationId, response.StatusCode, RequestIds.Find(response, Options), exception);
        }
    }
}
