namespace Codegen.Generator.Model;

/// <summary>One spec file as the pipeline first sees it: its path, its text and the per-file options.</summary>
internal sealed record SpecInput(string FilePath, string Text, SpecOptions Options)
{
    /// <summary>The AdditionalFiles its external <c>$ref</c>s reach (empty for a single-file spec), in path order.</summary>
    public EquatableArray<Reading.Bundling.SpecPart> Parts { get; init; } = EquatableArray<Reading.Bundling.SpecPart>.Empty;
}

/// <summary>The result of parsing one spec: the model (no locations, so whitespace edits keep it equal) and the located diagnostics.</summary>
internal sealed record ParsedSpec(SpecModel Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The names one client's generated files share, derived from <see cref="SpecModel.ClientName"/>.</summary>
/// <param name="Namespace">The C# namespace of every generated type.</param>
/// <param name="ClientName">The client class, e.g. <c>ZoomMeetingsClient</c>.</param>
/// <param name="ApiName">The static description class, e.g. <c>ZoomMeetingsApi</c>.</param>
internal sealed record ClientNames(string Namespace, string ClientName, string ApiName)
{
    /// <summary>The names for a client: <c>ZoomMeetingsClient</c> → description class <c>ZoomMeetingsApi</c>.</summary>
    public static ClientNames For(string @namespace, string clientName) => new(@namespace, clientName, ApiNameOf(clientName));

    /// <summary><c>ZoomMeetingsClient</c> → <c>ZoomMeetingsApi</c>; <c>PingApiClient</c> → <c>PingApi</c>; <c>Pets</c> → <c>PetsApi</c>.</summary>
    public static string ApiNameOf(string clientName)
    {
        var stem = clientName.EndsWith("Client", System.StringComparison.Ordinal) && clientName.Length > "Client".Length
            ? clientName.Substring(0, clientName.Length - "Client".Length)
            : clientName;
        return stem.EndsWith("Api", System.StringComparison.Ordinal) && stem != clientName ? stem : stem + "Api";
    }

    /// <summary>The internal static class with the shared JSON helpers.</summary>
    public string JsonHelpersName => ApiName + "Json";

    /// <summary>The DI extension class.</summary>
    public string ExtensionsName => ClientName + "ServiceCollectionExtensions";

    /// <summary>Fully qualified name of a generated type.</summary>
    public string Qualify(string typeName) => "global::" + Namespace + "." + typeName;
}

/// <summary>Emit unit for one record or enum: only what its file needs.</summary>
internal sealed record TypeUnit(ClientNames Names, TypeModel Type);

/// <summary>Emit unit for one operation.</summary>
internal sealed record OperationUnit(ClientNames Names, OperationModel Operation);

/// <summary>Emit unit for the client class itself (constructor and docs).</summary>
internal sealed record ClientUnit(ClientNames Names, string? Title, string? Description);

/// <summary>Emit unit for the description class (server and quotas) and the DI registration.</summary>
internal sealed record DescriptionUnit(ClientNames Names, string? DefaultServerUrl, EquatableArray<QuotaModel> Quotas);

/// <summary>Emit unit for the client's refresh methods (<c>x-codegen-refresh-with</c>); empty when the spec has none.</summary>
internal sealed record RefreshUnit(ClientNames Names, EquatableArray<RefreshableValueModel> Refreshables);
