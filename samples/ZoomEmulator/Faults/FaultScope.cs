namespace ZoomEmulator.Faults;

/// <summary>Which requests an injected fault may hit.</summary>
[Flags]
public enum FaultScope
{
    /// <summary>Zoom API calls under <c>/v2/</c>.</summary>
    Api = 1,

    /// <summary>Token requests to <c>/oauth/token</c>.</summary>
    Token = 2,

    /// <summary>Both API calls and token requests.</summary>
    Any = Api | Token,
}
