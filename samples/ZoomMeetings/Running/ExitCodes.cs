namespace ZoomMeetings.Running;

/// <summary>The sample's exit codes (also listed in <c>--help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Every meeting was created.</summary>
    public const int Success = 0;

    /// <summary>The command line (or the ZOOM_* variables) could not be used.</summary>
    public const int Usage = 1;

    /// <summary>The meeting broke the spec's rules; nothing was sent.</summary>
    public const int Invalid = 2;

    /// <summary>A quota is used up (locally or as Zoom said); the message says which and when it frees up.</summary>
    public const int QuotaExceeded = 3;

    /// <summary>Zoom (or its token endpoint) answered with an error, or could not be reached.</summary>
    public const int ApiError = 4;

    /// <summary>A create was sent but its answer was lost: it may or may not exist.</summary>
    public const int OutcomeUnknown = 5;
}
