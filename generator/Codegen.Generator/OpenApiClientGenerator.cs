using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Emitting;
using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Codegen.Generator.Reading.Bundling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

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
        // The driver visits every node on every run, even when all are cached (an unrelated C# edit), so the graph
        // keeps only nodes whose value is worth caching: filters and projections are folded into the step before.

        // All AdditionalFiles as one value: the specs among them, and the parts their external $refs may name. A spec's
        // input keeps only the parts it reaches, so editing an unrelated AdditionalFile re-reads the list but leaves
        // every input equal and the parse cached (one collected node costs less on every run than a per-file chain).
        var inputs = context.AdditionalTextsProvider
            .Collect()
            .WithTrackingName(TrackingNames.SpecPartFiles)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .SelectMany(static (pair, ct) => ReadInputs(pair.Left, pair.Right, ct))
            .WithTrackingName(TrackingNames.SpecInputs);

        // A re-parse always yields a new spec, so the whole-spec node compares by identity: comparing by value would
        // walk every type and operation twice more before the per-unit comparison below, which alone decides what
        // is re-emitted. Locations live only in diagnostics, so a whitespace edit leaves every emit unit Unchanged.
        var parsed = inputs
            .Select(static (input, ct) => SpecReader.Read(input, ct))
            .WithComparer(IdentityComparer<ParsedSpec>.Instance)
            .WithTrackingName(TrackingNames.Parse);

        // Nothing is emitted below C# 12 (CG0012). Two specs with the same client name would add the same hint names
        // (the driver throws on that); such clients report CG0014 and emit nothing. The gate is recomputed on any
        // re-parse but changes only when the language version or the set of clashing clients does.
        var gate = parsed
            .Collect()
            .Combine(context.ParseOptionsProvider)
            .Select(static (pair, _) => EmitGate.For(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitGate);

        context.RegisterSourceOutput(gate, static (spc, gate) =>
        {
            if (!gate.LanguageSupported)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.LanguageVersionTooOld, Location.None, LanguageName(gate.LanguageVersion)));
            }
            foreach (var clash in gate.Clashes)
            {
                var location = DiagnosticFactory.ToLocation(DiagnosticFactory.FileStart(clash.FilePath));
                spc.ReportDiagnostic(Diagnostic.Create(Descriptors.DuplicateClientName, location, clash.ClientName));
            }
        });

        // Each spec meets the gate once; a closed gate yields no units, so nothing downstream needs it.
        var gated = parsed.Combine(gate);

        var types = gated
            .SelectMany(static (pair, _) => pair.Right.Allows(pair.Left.Model) ? TypeUnitsOf(pair.Left.Model) : Enumerable.Empty<TypeUnit>())
            .WithTrackingName(TrackingNames.TypesToEmit);
        context.RegisterSourceOutput(types, static (spc, unit) => EmitFiles(spc, unit));

        // Everything else a spec yields flows as one step of separate values, each compared on its own, so an edit
        // re-emits only what changed: what reading the spec reported (even when the gate is closed), one value per
        // operation, then the client class, its refresh methods, its description class and its DI/JSON helpers.
        var client = gated
            .SelectMany(static (pair, _) => ClientOutputsOf(pair.Left, pair.Right.Allows(pair.Left.Model)))
            .WithTrackingName(TrackingNames.ClientToEmit);
        context.RegisterSourceOutput(client, static (spc, unit) =>
        {
            if (unit is SpecDiagnostics diagnostics)
            {
                foreach (var info in diagnostics.Diagnostics)
                {
                    spc.ReportDiagnostic(DiagnosticFactory.Create(info));
                }
                return;
            }
            EmitFiles(spc, unit);
        });
    }

    /// <summary>The spec inputs among the AdditionalFiles, each with the parts its external <c>$ref</c>s reach.</summary>
    private static ImmutableArray<SpecInput> ReadInputs(ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var inputs = ImmutableArray.CreateBuilder<SpecInput>();
        foreach (var file in files)
        {
            if (SpecInputReader.Read(file, options, cancellationToken) is { } input)
            {
                inputs.Add(input);
            }
        }

        // Part texts are read only when some spec has an external $ref (a single-file spec needs none), and each spec's
        // text is scanned for one only once.
        ImmutableArray<SpecPart>? candidates = null;
        for (int i = 0; i < inputs.Count; i++)
        {
            if (!ExternalRefScanner.HasExternalRefs(inputs[i].Text)) continue;
            candidates ??= files
                .Where(file => SpecInputReader.HasSpecExtension(file.Path))
                .Select(file => new SpecPart(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""))
                .ToImmutableArray();
            inputs[i] = PartCollector.Attach(inputs[i], candidates.Value, cancellationToken);
        }
        return inputs.ToImmutable();
    }

    /// <summary>The values of <see cref="TrackingNames.TypesToEmit"/> for one spec: one per type.</summary>
    internal static IEnumerable<TypeUnit> TypeUnitsOf(SpecModel spec)
    {
        var names = NamesOf(spec);
        return spec.Types.Select(type => new TypeUnit(names, type));
    }

    /// <summary>The values of <see cref="TrackingNames.ClientToEmit"/> for one spec; only its diagnostics when <paramref name="allowed"/> is false.</summary>
    internal static IEnumerable<object> ClientOutputsOf(ParsedSpec parsed, bool allowed)
    {
        yield return new SpecDiagnostics(parsed.Diagnostics);
        if (!allowed) yield break;
        var spec = parsed.Model;
        var names = NamesOf(spec);
        foreach (var operation in spec.Operations)
        {
            yield return new OperationUnit(names, operation);
        }
        yield return new ClientUnit(names, spec.Title, spec.Description);
        yield return new RefreshUnit(names, spec.Refreshables);
        yield return new DescriptionUnit(names, spec.DefaultServerUrl, spec.Quotas);
        yield return names;
    }

    private static ClientNames NamesOf(SpecModel spec) => ClientNames.For(spec.Namespace, spec.ClientName);

    /// <summary>
    /// The files one emit unit (a type, an operation or a client-level value) becomes: the client's names, the hint's
    /// part (<see langword="null"/> for the client class itself) and the emitter that writes it (a null text adds nothing).
    /// </summary>
    internal static IEnumerable<(ClientNames Names, string? Part, Func<string?> Source)> FilesOf(object unit)
    {
        switch (unit)
        {
            case TypeUnit { Type: RecordModel record } type:
                yield return (type.Names, record.Name, () => RecordEmitter.Emit(record, type.Names));
                yield return (type.Names, record.Name + ".Validation", () => ValidatorEmitter.Emit(record, type.Names.Namespace));
                break;
            case TypeUnit { Type: EnumModel enumModel } type:
                yield return (type.Names, enumModel.Name, () => EnumEmitter.Emit(enumModel, type.Names));
                break;
            case TypeUnit { Type: UnionModel union } type:
                yield return (type.Names, union.Name, () => UnionEmitter.Emit(union, type.Names));
                break;
            case OperationUnit operation:
                yield return (operation.Names, operation.Operation.MethodName + "Async", () => OperationEmitter.Emit(operation));
                break;
            case ClientUnit client:
                yield return (client.Names, null, () => ClientEmitter.Emit(client));
                break;
            case RefreshUnit refresh:
                yield return (refresh.Names, "Refresh", () => RefreshEmitter.Emit(refresh));
                break;
            case DescriptionUnit description:
                yield return (description.Names, description.Names.ApiName, () => DescriptionEmitter.Emit(description));
                break;
            case ClientNames names:
                yield return (names, names.ExtensionsName, () => DependencyInjectionEmitter.Emit(names));
                yield return (names, names.JsonHelpersName, () => JsonHelpersEmitter.Emit(names));
                break;
        }
    }

    private static void EmitFiles(SourceProductionContext context, object unit)
    {
        foreach (var (names, part, source) in FilesOf(unit))
        {
            Emit(context, names, part, source);
        }
    }

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


    /// <summary>What reading one spec reported (a record, so the step's values say what they are).</summary>
    internal sealed record SpecDiagnostics(EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Which spec file generates which client (to find clashes).</summary>
    private sealed record SpecClient(string FilePath, string ClientName);

    /// <summary>Whether a client's files may be emitted: C# 12+ and a client name no other spec uses.</summary>
    private sealed record EmitGate(bool LanguageSupported, int LanguageVersion, EquatableArray<SpecClient> Clashes)
    {
        public static EmitGate For(ImmutableArray<ParsedSpec> specs, ParseOptions options)
        {
            var languageVersion = options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : int.MaxValue;
            return new(
                languageVersion == int.MaxValue || languageVersion >= (int)Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12,
                languageVersion,
                ClashesOf(specs));
        }

        private static EquatableArray<SpecClient> ClashesOf(ImmutableArray<ParsedSpec> specs) =>
            specs.Select(spec => new SpecClient(spec.Model.FilePath, spec.Model.ClientName))
                .GroupBy(c => c.ClientName)
                .Where(g => g.Count() > 1)
                .SelectMany(g => g)
                .OrderBy(c => c.ClientName, StringComparer.Ordinal)
                .ThenBy(c => c.FilePath, StringComparer.Ordinal)
                .ToEquatableArray();

        public bool Allows(SpecModel spec) => LanguageSupported && !Clashes.Any(c => c.ClientName == spec.ClientName);
    }
}
