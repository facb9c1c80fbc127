namespace Codegen.Generator.Model;

/// <summary>
/// Everything the emitters need from one spec file, as plain value-equatable data. No Roslyn or Microsoft.OpenApi
/// object may be reachable from here: a new member must keep value equality or incremental caching breaks.
/// </summary>
internal sealed record SpecModel(
    string FilePath,
    string Namespace,
    string ClientName,
    string? Title,
    string? Description,
    string? DefaultServerUrl,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<QuotaModel> Quotas,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Expiring properties the client can fetch again (<c>x-codegen-refresh-with</c>).</summary>
    public EquatableArray<RefreshableValueModel> Refreshables { get; init; } = EquatableArray<RefreshableValueModel>.Empty;
}

/// <summary>Per-file options from MSBuild item metadata (defaults derived from the file name).</summary>
internal sealed record SpecOptions(string Namespace, string ClientName);
