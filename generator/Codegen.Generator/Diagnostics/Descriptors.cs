using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Diagnostics;

/// <summary>
/// Diagnostics about reading a spec and turning it into C# (ids CG0001–CG0049). The reader keeps them as
/// <see cref="Model.DiagnosticInfo"/> data; the output step finds the descriptor with <see cref="Find"/>.
/// Every id is documented in docs/diagnostics.md.
/// </summary>
internal static class Descriptors
{
    private const string Category = "Codegen.OpenApi";

    /// <summary>Arg 0: the reference.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Error(
        "CG0001", "Unresolved $ref", "The reference '{0}' does not resolve to anything in this document; the value is typed as JsonElement");

    /// <summary>Arg 0: operationId, arg 1: method name used instead.</summary>
    public static readonly DiagnosticDescriptor DuplicateOperationId = Warning(
        "CG0002", "Duplicate operationId", "The operationId '{0}' is used by more than one operation; this one becomes '{1}'");

    /// <summary>Arg 0: method, arg 1: path, arg 2: derived name.</summary>
    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "CG0003", "Missing operationId", "The operation {0} {1} has no operationId; the derived name '{2}' is used", Category,
        DiagnosticSeverity.Info, isEnabledByDefault: true);

    /// <summary>Arg 0: what (type, property, enum member…), arg 1: spec name, arg 2: wanted C# name, arg 3: name used.</summary>
    public static readonly DiagnosticDescriptor NameCollision = Warning(
        "CG0004", "Names collide after conversion to C#", "The {0} '{1}' would be named '{2}', which is already taken; it is named '{3}'");

    /// <summary>Arg 0: the construct, arg 1: what the generator does instead.</summary>
    public static readonly DiagnosticDescriptor UnsupportedConstruct = Warning(
        "CG0005", "Unsupported OpenAPI construct", "{0} is not supported yet: {1}");

    /// <summary>Arg 0: the parser's message.</summary>
    public static readonly DiagnosticDescriptor OpenApiError = Error(
        "CG0006", "OpenAPI error", "The OpenAPI reader reports an error: {0}");

    /// <summary>Arg 0: the parser's message. An error the reader read past: the document was still produced.</summary>
    public static readonly DiagnosticDescriptor OpenApiReadPast = Warning(
        "CG0017", "OpenAPI error read past", "The OpenAPI reader reports an error it could read past: {0}");

    /// <summary>Arg 0: the parser's message.</summary>
    public static readonly DiagnosticDescriptor OpenApiWarning = Warning(
        "CG0007", "OpenAPI warning", "The OpenAPI reader reports a warning: {0}");

    /// <summary>Arg 0: extension, arg 1: problem.</summary>
    public static readonly DiagnosticDescriptor InvalidQuotaExtension = Error(
        "CG0008", "Invalid quota extension", "The {0} extension is invalid: {1}");

    /// <summary>Arg 0: quota name.</summary>
    public static readonly DiagnosticDescriptor ConflictingQuota = Error(
        "CG0009", "Conflicting quota declarations", "The quota '{0}' is declared again with a different limit, window or partition; operations that share a name must declare the same quota");

    /// <summary>Arg 0: label.</summary>
    public static readonly DiagnosticDescriptor UnknownRateLimitLabel = Error(
        "CG0010", "Unknown rate-limit label", "The rate-limit label '{0}' is not declared in x-codegen-rate-limit-labels");

    /// <summary>Arg 0: quota name, arg 1: parameter.</summary>
    public static readonly DiagnosticDescriptor UnknownPartitionParameter = Error(
        "CG0011", "Quota partition parameter is not a parameter of the operation", "The quota '{0}' is partitioned by '{1}', which is not a path, query or header parameter of this operation");

    /// <summary>Arg 0: the project's language version.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Error(
        "CG0012", "C# 12 or later is required", "Code generated from OpenAPI specs needs C# 12 or later, but this project uses C# {0}; set <LangVersion>12</LangVersion> or later (the .NET 8+ default); nothing was generated");

    /// <summary>Arg 0: exception type, arg 1: message.</summary>
    public static readonly DiagnosticDescriptor InternalError = Error(
        "CG0013", "The generator failed on this spec", "The generator failed on this spec ({0}: {1}); other specs still generate. Please report this with the spec.");

    /// <summary>Arg 0: client name.</summary>
    public static readonly DiagnosticDescriptor DuplicateClientName = Error(
        "CG0014", "Two specs produce the same client", "Another spec already generates the client '{0}'; give this spec a different ClientName metadata value");

    /// <summary>Arg 0: extension, arg 1: problem and what the generator does instead.</summary>
    public static readonly DiagnosticDescriptor ExtensionIgnored = Warning(
        "CG0015", "Extension value ignored", "The {0} extension is ignored here: {1}");

    /// <summary>Arg 0: the path template, arg 1: the placeholder name.</summary>
    public static readonly DiagnosticDescriptor UndeclaredPathParameter = Warning(
        "CG0016", "Path placeholder without a parameter", "The path '{0}' has the placeholder '{{{1}}}' but the operation declares no path parameter '{1}'; a required string parameter is added");

    /// <summary>Arg 0: the reference, arg 1: what the generator does instead.</summary>
    public static readonly DiagnosticDescriptor ExternalReferenceNotFound = Warning(
        "CG0018", "External reference not found among AdditionalFiles", "The reference '{0}' names a file that is not among the project's AdditionalFiles (add it as an <OpenApiSpecPart> item); {1}");

    /// <summary>Arg 0: what (webhook or callback), arg 1: its name and place.</summary>
    public static readonly DiagnosticDescriptor WebhookNotGenerated = new(
        "CG0019", "Webhook or callback not generated", "The {0} '{1}' is not generated: webhooks and callbacks describe requests the API sends to you, not calls the client makes", Category,
        DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new()
    {
        [ExternalReferenceNotFound.Id] = ExternalReferenceNotFound,
        [WebhookNotGenerated.Id] = WebhookNotGenerated,
        [UndeclaredPathParameter.Id] = UndeclaredPathParameter,
        [ExtensionIgnored.Id] = ExtensionIgnored,
        [UnresolvedReference.Id] = UnresolvedReference,
        [DuplicateOperationId.Id] = DuplicateOperationId,
        [MissingOperationId.Id] = MissingOperationId,
        [NameCollision.Id] = NameCollision,
        [UnsupportedConstruct.Id] = UnsupportedConstruct,
        [OpenApiError.Id] = OpenApiError,
        [OpenApiWarning.Id] = OpenApiWarning,
        [OpenApiReadPast.Id] = OpenApiReadPast,
        [InvalidQuotaExtension.Id] = InvalidQuotaExtension,
        [ConflictingQuota.Id] = ConflictingQuota,
        [UnknownRateLimitLabel.Id] = UnknownRateLimitLabel,
        [UnknownPartitionParameter.Id] = UnknownPartitionParameter,
        [LanguageVersionTooOld.Id] = LanguageVersionTooOld,
        [InternalError.Id] = InternalError,
        [DuplicateClientName.Id] = DuplicateClientName,
    };

    /// <summary>Every descriptor in this file, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> All => ById;

    /// <summary>The descriptor with <paramref name="id"/> here or among the validation descriptors.</summary>
    public static DiagnosticDescriptor? Find(string id) =>
        ById.TryGetValue(id, out var descriptor) ? descriptor : ValidationDescriptors.Find(id);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
