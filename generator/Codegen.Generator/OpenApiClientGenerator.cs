using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emitting;
using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Codegen.Generator.Reading.Bundling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Generator;

/// <summary>
/// The incremental generator: OpenAPI files in, C# out. Each spec is parsed once (<see cref="TrackingNames.Parse"/>);
/// after that only value-equatable model flows, fanned out into one small unit per type and per operation so an
/// edit re-emits only the files it touches. Microsoft.OpenApi is used only inside the Reading classes, which run
/// in pipeline lambdas (the parser DLLs load lazily there, never in Initialize).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, ct) => SpecInputReader.Read(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.SpecFiles)
            .Where(static input => input is not null)
            .Select(static (input, _) => input!);

        // Files an external $ref may name. Every spec sees the whole list, but its input keeps only the parts it
        // reaches, so editing an unrelated AdditionalFile leaves the input equal and the parse cached.
        var partCandidates = context.AdditionalTextsProvider
            .Where(static file => SpecInputReader.HasSpecExtension(file.Path))
            .Select(static (file, ct) => new SpecPart(file.Path, file.GetText(ct)?.ToString() ?? ""))
            .WithTrackingName(TrackingNames.SpecPartFiles)
            .Collect();

        var inputs = specFiles
            .Combine(partCandidates)
            .Select(static (pair, ct) => PartCollector.Attach(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.SpecInputs);

        // A re-parse always yields a new spec, so the whole-spec nodes compare by identity: comparing by value would
        // walk every type and operation twice more (parsed spec, then model) before the per-unit comparison below,
        // which alone decides what is re-emitted.
        var parsed = inputs
            .Select(static (input, ct) => SpecReader.Read(input, ct))
            .WithComparer(IdentityComparer<ParsedSpec>.Instance)
            .WithTrackingName(TrackingNames.Parse);

        // Locations live only in diagnostics, so a whitespace edit leaves every emit unit Unchanged.
        var models = parsed
            .Select(static (spec, _) => spec.Model)
            .WithComparer(IdentityComparer<SpecModel>.Instance)
            .WithTrackingName(TrackingNames.Model);

        var diagnostics = parsed
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var languageSupported = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : int.MaxValue)
            .WithTrackingName(TrackingNames.ParseOptions)
            .Select(static (version, _) => new LanguageCheck(version == int.MaxValue || version >= (int)LanguageVersion.CSharp12, version))
            .WithTrackingName(TrackingNames.LanguageVersion);

        var types = models
            .SelectMany(static (spec, _) => spec.Types.Select(type => new TypeUnit(NamesOf(spec), type)))
            .WithTrackingName(TrackingNames.Types);
        var operations = models
            .SelectMany(static (spec, _) => spec.Operations.Select(operation => new OperationUnit(NamesOf(spec), operation)))
            .WithTrackingName(TrackingNames.Operations);
        var clients = models
            .Select(static (spec, _) => new ClientUnit(NamesOf(spec), spec.Title, spec.Description))
            .WithTrackingName(TrackingNames.Clients);
        var refreshes = models
            .Select(static (spec, _) => new RefreshUnit(NamesOf(spec), spec.Refreshables))
            .WithTrackingName(TrackingNames.Refreshes);
        var descriptions = models
            .Select(static (spec, _) => new DescriptionUnit(NamesOf(spec), spec.DefaultServerUrl, spec.Quotas))
            .WithTrackingName(TrackingNames.Descriptions);
        var clientNames = models
            .Select(static (spec, _) => NamesOf(spec))
            .WithTrackingName(TrackingNames.ClientNames);

        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var info in list)
            {
                spc.ReportDiagnostic(DiagnosticFactory.Create(info));
            }
        });

        context.RegisterSourceOutput(languageSupported, static (spc, check) =>
        {
            if (!check.Supported)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.LanguageVersionTooOld, Location.None, LanguageName(check.Version)));
            }
        });

        // Two specs with the same client name would add the same hint names (the driver throws on that); such
        // clients report CG0014 and emit nothing. The gate changes only when the set of client names does.
        var specClients = models
            .Select(static (spec, _) => new SpecClient(spec.FilePath, spec.ClientName))
            .Collect()
            .Select(static (all, _) => all
                .GroupBy(c => c.ClientName)
                .Where(g => g.Count() > 1)
                .SelectMany(g => g)
                .OrderBy(c => c.ClientName, StringComparer.Ordinal)
                .ThenBy(c => c.FilePath, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.ClientClashes);
        context.RegisterSourceOutput(specClients, static (spc, clashes) =>
        {
            foreach (var clash in clashes)
            {
                var location = DiagnosticFactory.ToLocation(DiagnosticFactory.FileStart(clash.FilePath));
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateClientName, location, clash.ClientName));
            }
        });
        var duplicateClients = specClients
            .Select(static (clashes, _) => clashes.Select(c => c.ClientName).Distinct().ToEquatableArray())
            .WithTrackingName(TrackingNames.DuplicateClients);
        var gate = languageSupported.Combine(duplicateClients)
            .Select(static (pair, _) => new EmitGate(pair.Left.Supported, pair.Right))
            .WithTrackingName(TrackingNames.EmitGate);

        context.RegisterSourceOutput(types.Combine(gate).WithTrackingName(TrackingNames.TypesToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left.Names)) return;
            var (names, type) = (pair.Left.Names, pair.Left.Type);
            Emit(spc, names, type.Name, () => type switch
            {
                RecordModel record => RecordEmitter.Emit(record, names),
                EnumModel enumModel => EnumEmitter.Emit(enumModel, names),
                UnionModel union => UnionEmitter.Emit(union, names),
                _ => null,
            });
            if (type is RecordModel validated)
            {
                Emit(spc, names, type.Name + ".Validation", () => ValidatorEmitter.Emit(validated, names.Namespace));
            }
        });

        context.RegisterSourceOutput(operations.Combine(gate).WithTrackingName(TrackingNames.OperationsToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left.Names)) return;
            Emit(spc, pair.Left.Names, pair.Left.Operation.MethodName + "Async", () => OperationEmitter.Emit(pair.Left));
        });

        context.RegisterSourceOutput(clients.Combine(gate).WithTrackingName(TrackingNames.ClientsToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left.Names)) return;
            Emit(spc, pair.Left.Names, null, () => ClientEmitter.Emit(pair.Left));
        });

        context.RegisterSourceOutput(refreshes.Combine(gate).WithTrackingName(TrackingNames.RefreshesToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left.Names)) return;
            Emit(spc, pair.Left.Names, "Refresh", () => RefreshEmitter.Emit(pair.Left));
        });

        context.RegisterSourceOutput(descriptions.Combine(gate).WithTrackingName(TrackingNames.DescriptionsToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left.Names)) return;
            Emit(spc, pair.Left.Names, pair.Left.Names.ApiName, () => DescriptionEmitter.Emit(pair.Left));
        });

        context.RegisterSourceOutput(clientNames.Combine(gate).WithTrackingName(TrackingNames.ClientNamesToEmit), static (spc, pair) =>
        {
            if (!pair.Right.Allows(pair.Left)) return;
            Emit(spc, pair.Left, pair.Left.ExtensionsName, () => DependencyInjectionEmitter.Emit(pair.Left));
            Emit(spc, pair.Left, pair.Left.JsonHelpersName, () => JsonHelpersEmitter.Emit(pair.Left));
        });
    }

    private static ClientNames NamesOf(SpecModel spec) => ClientNames.For(spec.Namespace, spec.ClientName);

    /// <summary>Adds one file; an emitter bug or a duplicate hint becomes a diagnostic instead of dropping all output.</summary>
    private static void Emit(SourceProductionContext context, ClientNames names, string? part, Func<string?> emit)
    {
        var hint = names.ClientName + (part is null ? "" : "." + part) + ".g.cs";
        try
        {
            var source = emit();
            if (source is not null)
            {
                context.AddSource(hint, source);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, exception.GetType().FullName, hint + ": " + exception.Message));
        }
    }

    private static string LanguageName(int version) =>
        ((LanguageVersion)version).ToDisplayString();

    /// <summary>Equal only to itself: for values whose parts are compared downstream.</summary>
    private sealed class IdentityComparer<T> : IEqualityComparer<T>
        where T : class
    {
        public static readonly IdentityComparer<T> Instance = new();

        public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

        public int GetHashCode(T obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>Which spec file generates which client (to find clashes).</summary>
    private sealed record SpecClient(string FilePath, string ClientName);

    /// <summary>The consumer's C# version reduced to plain values before it enters the pipeline.</summary>
    private sealed record LanguageCheck(bool Supported, int Version);

    /// <summary>Whether a client's files may be emitted: C# 12+ and a client name no other spec uses.</summary>
    private sealed record EmitGate(bool LanguageSupported, EquatableArray<string> DuplicateClients)
    {
        public bool Allows(ClientNames names) => LanguageSupported && !DuplicateClients.Contains(names.ClientName);
    }
}
