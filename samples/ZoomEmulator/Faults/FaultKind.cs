namespace ZoomEmulator.Faults;

/// <summary>The kinds of fault the emulator can inject.</summary>
public enum FaultKind
{
    /// <summary>Answer with a chosen status code and a Zoom-style JSON error body, without processing the request.</summary>
    FailWithStatus,

    /// <summary>Answer 503 with a <c>Retry-After</c> header (delta-seconds), without processing the request.</summary>
    ServiceUnavailable,

    /// <summary>Read the whole request body, process the request (a create IS committed), then abort the connection
    /// instead of answering: the client cannot know whether the call took effect.</summary>
    DropConnection,

    /// <summary>Process the request (a create IS committed), then hold the answer back for a while before sending it.</summary>
    Delay,
}
