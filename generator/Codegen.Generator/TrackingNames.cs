namespace Codegen.Generator;

/// <summary>Names of the incremental pipeline steps, for tests that check which steps re-ran.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string SpecInputs = nameof(SpecInputs);
    public const string SpecPartFiles = nameof(SpecPartFiles);
    public const string ParseOptions = nameof(ParseOptions);
    public const string ClientClashes = nameof(ClientClashes);
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string LanguageVersion = nameof(LanguageVersion);
    public const string Types = nameof(Types);
    public const string Operations = nameof(Operations);
    public const string Clients = nameof(Clients);
    public const string Descriptions = nameof(Descriptions);
    public const string Refreshes = nameof(Refreshes);
    public const string RefreshesToEmit = nameof(RefreshesToEmit);
    public const string ClientNames = nameof(ClientNames);
    public const string TypesToEmit = nameof(TypesToEmit);
    public const string OperationsToEmit = nameof(OperationsToEmit);
    public const string ClientsToEmit = nameof(ClientsToEmit);
    public const string DescriptionsToEmit = nameof(DescriptionsToEmit);
    public const string ClientNamesToEmit = nameof(ClientNamesToEmit);
    public const string DuplicateClients = nameof(DuplicateClients);
    public const string EmitGate = nameof(EmitGate);
}
