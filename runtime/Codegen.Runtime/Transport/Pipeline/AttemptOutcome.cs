namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>What one attempt came to.</summary>
internal enum AttemptVerdict
{
    Success,
    Retry,
    Fail,
}

/// <summary>An attempt's verdict, the error to raise if it is the last, why, and when the server allows the next try.</summary>
internal readonly record struct AttemptOutcome(AttemptVerdict Verdict, Exception? Error, string Reason, DateTimeOffset? RetryAt)
{
    public static AttemptOutcome Success { get; } = new(AttemptVerdict.Success, null, "success", null);

    public static AttemptOutcome Retry(Exception error, string reason, DateTimeOffset? retryAt = null) => new(AttemptVerdict.Retry, error, reason, retryAt);

    public static AttemptOutcome Fail(Exception error, string reason) => new(AttemptVerdict.Fail, error, reason, null);
}
