namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// One call travelling through the pipeline (like Azure.Core's <c>HttpMessage</c>): the request, the caller's token,
/// and what the current attempt produced — an answer, or a send failure plus whether the request may have reached the server.
/// </summary>
internal sealed class ApiCall : IDisposable
{
    public ApiCall(ApiRequest request, CancellationToken callerToken)
    {
        Request = request;
        CallerToken = callerToken;
        AttemptToken = callerToken;
    }

    public ApiRequest Request { get; }

    public ApiOperation Operation => Request.Operation;

    /// <summary>The caller's token: when it fires, the call ends without any retry.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>The caller's token combined with the per-attempt timeout.</summary>
    public CancellationToken AttemptToken { get; set; }

    /// <summary>The JSON body written once per call, sent by every attempt.</summary>
    public PooledBuffer? JsonBody { get; set; }

    /// <summary>A success answer's body is left unread for the caller (<see cref="ApiInvoker.SendForStreamAsync"/>).</summary>
    public bool StreamsResponse { get; init; }

    /// <summary>The attempt number, starting at 1.</summary>
    public int Attempt { get; set; }

    /// <summary>The token the current attempt sends, if any.</summary>
    public string? AccessToken { get; set; }

    /// <summary>True once this call re-sent after a 401 (at most once per call).</summary>
    public bool ReauthenticationUsed { get; set; }

    /// <summary>True when the current attempt may have put a request in front of the server.</summary>
    public bool MayHaveReachedServer { get; set; }

    /// <summary>The answer of the current attempt, headers and (in <see cref="ResponseBody"/>) the whole body.</summary>
    public HttpResponseMessage? Response { get; private set; }

    public PooledBuffer? ResponseBody { get; private set; }

    /// <summary>Why the current attempt got no (complete) answer.</summary>
    public Exception? SendFailure { get; set; }

    public void SetResponse(HttpResponseMessage response, PooledBuffer? body)
    {
        Response = response;
        ResponseBody = body;
    }

    /// <summary>Hands the answer over to the caller (a streamed body); the call no longer disposes it.</summary>
    public HttpResponseMessage DetachResponse()
    {
        var response = Response ?? throw new InvalidOperationException("The call has no answer to hand over.");
        Response = null;
        return response;
    }

    /// <summary>Forgets the current attempt's answer before the next send.</summary>
    public void ClearAttempt()
    {
        Response?.Dispose();
        Response = null;
        ResponseBody?.Dispose();
        ResponseBody = null;
        SendFailure = null;
    }

    public void Dispose()
    {
        ClearAttempt();
        JsonBody?.Dispose();
        JsonBody = null;
    }
}
