using System.Net;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Validation;
using Microsoft.Extensions.Options;
using ZoomMeetings.Running;

namespace ZoomMeetings.Output;

/// <summary>Turns a failure into a readable message on stderr and the matching exit code.</summary>
public sealed class ErrorReporter(TextWriter error)
{
    /// <summary>Writes what went wrong and returns the exit code; <see langword="null"/> when the failure is not one of ours.</summary>
    public int? Report(Exception exception, string host)
    {
        switch (exception)
        {
            case RequestValidationException invalid:
                var count = invalid.Errors.Count;
                error.WriteLine($"The meeting is invalid; nothing was sent to Zoom ({count} {(count == 1 ? "problem" : "problems")}):");
                foreach (var problem in invalid.Errors)
                {
                    var where = problem.Path.Length == 0 ? "" : problem.Path + ": ";
                    error.WriteLine($"  - {where}{problem.Message} ({problem.Rule})");
                }
                return ExitCodes.Invalid;

            case QuotaExceededException quota:
                error.WriteLine($"Refused before sending, for host {host}: {quota.Message}");
                error.WriteLine(quota.RetryAt is { } at
                    ? $"Limit '{quota.PolicyName}' frees up at {TimeText.Utc(at)}."
                    : $"Limit '{quota.PolicyName}': it is not known when it frees up.");
                return ExitCodes.QuotaExceeded;

            case ApiException { StatusCode: HttpStatusCode.TooManyRequests } limited:
                error.WriteLine($"Zoom refused with a rate limit ({Kind(limited.RateLimitKind)}), code {limited.ErrorCode?.ToString() ?? "none"}: {limited.ErrorMessage}");
                if (limited.RateLimit.RetryAfter is { } retry)
                {
                    error.WriteLine($"Zoom says to try again at {TimeText.Utc(retry)}.");
                }
                else if (limited.RateLimitKind == RateLimitKind.Daily)
                {
                    error.WriteLine("The daily limit frees up at 00:00 UTC.");
                }
                return ExitCodes.QuotaExceeded;

            case ApiException api:
                error.WriteLine($"Zoom answered HTTP {(int)api.StatusCode}, code {api.ErrorCode?.ToString() ?? "none"}: {api.ErrorMessage ?? "(no message)"}");
                foreach (var field in api.FieldErrors)
                {
                    error.WriteLine($"  - {field}");
                }
                if (api.RequestId is not null)
                {
                    error.WriteLine($"Request id (for Zoom support): {api.RequestId}");
                }
                return ExitCodes.ApiError;

            case ApiAuthenticationException auth:
                error.WriteLine($"Could not get an access token: {auth.Message}");
                error.WriteLine("Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET (Server-to-Server OAuth app). Nothing was sent.");
                return ExitCodes.ApiError;

            case OutcomeUnknownException unknown:
                error.WriteLine($"Outcome unknown: {unknown.Message}");
                error.WriteLine($"The meeting may exist. Look at host {host}'s meetings in Zoom before running this again, or you may get a duplicate.");
                return ExitCodes.OutcomeUnknown;

            case ApiResponseFormatException format:
                error.WriteLine($"Zoom's answer could not be read: {format.Message}");
                error.WriteLine("The request was processed; check the meeting in Zoom before running this again.");
                return ExitCodes.OutcomeUnknown;

            case HttpRequestException or TimeoutException:
                error.WriteLine($"Could not reach Zoom: {exception.Message}");
                return ExitCodes.ApiError;

            case QuotaStoreSetupException or IOException or UnauthorizedAccessException or System.Data.Common.DbException:
                // The quota store is asked before anything is sent, so a store that cannot open its file stops here.
                error.WriteLine($"The quota store could not be used; nothing was sent: {exception.Message}");
                error.WriteLine("Check the --quota-store path (its folder must be writable).");
                return ExitCodes.Usage;

            case OptionsValidationException options:
                error.WriteLine($"The client settings are invalid: {options.Message}");
                return ExitCodes.Usage;

            default:
                return null;
        }
    }

    private static string Kind(RateLimitKind kind) => kind switch
    {
        RateLimitKind.Daily => "daily limit",
        RateLimitKind.PerSecond => "per-second limit",
        RateLimitKind.Concurrency => "too many concurrent requests",
        _ => "unknown kind",
    };
}
