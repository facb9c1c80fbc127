namespace Codegen.Runtime.Errors;

/// <summary>
/// A non-idempotent request (POST, PATCH) may or may not have been processed: it was sent, then the attempt timed out
/// or the connection was lost before an answer came. It was NOT re-sent, so nothing was duplicated. Check on the
/// server (for example list the host's meetings) before calling again.
/// </summary>
public sealed class OutcomeUnknownException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutcomeUnknownException(string operationId, string method, int attempts, string reason, Exception? innerException)
        : base($"The outcome of {method} {operationId} is unknown: {reason} after the request was sent. It was not re-sent, "
               + "so it may or may not have been processed; check on the server before calling again.", innerException)
    {
        OperationId = operationId;
        Method = method;
        Attempts = attempts;
    }

    /// <summary>The operation that was called.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>How many attempts were made, including the last one.</summary>
    public int Attempts { get; }
}
