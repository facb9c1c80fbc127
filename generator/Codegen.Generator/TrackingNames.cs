namespace Codegen.Generator;

/// <summary>Names of the incremental pipeline steps, for tests that check which steps re-ran.</summary>
internal static class TrackingNames
{
    /// <summary>All AdditionalFiles, collected: the specs and the parts their external $refs may name.</summary>
    public const string SpecPartFiles = nameof(SpecPartFiles);
    public const string SpecInputs = nameof(SpecInputs);
    public const string Parse = nameof(Parse);
    public const string EmitGate = nameof(EmitGate);
    public const string TypesToEmit = nameof(TypesToEmit);
    public const string ClientToEmit = nameof(ClientToEmit);
}
