using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Generator.Diagnostics;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Codegen.Generator.Reading.Bundling;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Codegen.Generator.Reading;

/// <summary>
/// Reads one spec file into a <see cref="ParsedSpec"/>. The only class family that touches Microsoft.OpenApi;
/// it never throws: any exception becomes an internal-error diagnostic for this file.
/// </summary>
internal sealed partial class SpecReader
{
    private readonly SpecInput _input;
    private readonly SourceMap _map;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly NameScope _typeNames = new();
    private readonly List<TypeModel> _types = new();
    private readonly ClientNames _names;
    private readonly SchemaTargets _targets;
    private OpenApiDocument _document = null!;

    private SpecReader(SpecInput input, SourceMap map)
    {
        _input = input;
        _map = map;
        _names = ClientNames.For(input.Options.Namespace, input.Options.ClientName);
        _targets = new SchemaTargets(SafeTarget);
    }

    public static ParsedSpec Read(SpecInput input, CancellationToken cancellationToken)
    {
        SourceMap? map = null;
        try
        {
            map = SourceMap.Deferred(input.FilePath, input.Text);
            var reader = new SpecReader(input, map);
            return reader.ReadDocument(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var location = DiagnosticFactory.FileStart(input.FilePath);
            var info = new DiagnosticInfo(Descriptors.InternalError.Id, location,
                new EquatableArray<string>(new[] { exception.GetType().FullName ?? exception.GetType().Name, exception.Message }));
            return new ParsedSpec(EmptyModel(input), new EquatableArray<DiagnosticInfo>(new[] { info }));
        }
    }

    private ParsedSpec? SyntaxErrorOnly() =>
        _map.SyntaxError is { } syntaxError
            ? new ParsedSpec(EmptyModel(_input), new EquatableArray<DiagnosticInfo>(new[] { syntaxError }))
            : null;

    private static SpecModel EmptyModel(SpecInput input) => new(
        input.FilePath, input.Options.Namespace, input.Options.ClientName, null, null, null,
        EquatableArray<TypeModel>.Empty, EquatableArray<OperationModel>.Empty, EquatableArray<QuotaModel>.Empty,
        EquatableArray<DiagnosticInfo>.Empty);

    private ParsedSpec ReadDocument(CancellationToken cancellationToken)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var format = _input.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal) ? "json" : "yaml";
        ReadResult result;
        bool bundled = false;
        try
        {
            if (SpecBundler.TryBundle(_input, _map, cancellationToken) is { } bundle)
            {
                // Pointers into the bundle that came from a part file are located in that file.
                _map.Redirect = bundle.Origins.Locate;
                bundled = true;
                _diagnostics.AddRange(bundle.Diagnostics);
                result = OpenApiDocument.Parse(bundle.Json, "json", settings);
            }
            else if (format == "yaml" && _map.ReadYamlDocument() is { } yaml)
            {
                // One YAML pass for the document and the locations (the plain path below tokenizes the text again
                // for the map as soon as there is a diagnostic to place).
                result = OpenApiYamlReader.Read(yaml, new Uri(OpenApiConstants.BaseRegistryUri), settings);
            }
            else
            {
                result = OpenApiDocument.Parse(_input.Text, format, settings);
            }
            if (format == "json" && result.Document is null && !bundled)
            {
                // A '{' start may be YAML flow style rather than JSON; YAML reads both.
                result = OpenApiDocument.Parse(_input.Text, "yaml", settings);
            }
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            Report(Descriptors.OpenApiError, "/openapi", exception.Message);
            return new ParsedSpec(EmptyModel(_input), _diagnostics.ToEquatableArray());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (SyntaxErrorOnly() is { } malformed)
            {
                return malformed;
            }
            // Microsoft.OpenApi itself failed (its Swagger 2.0 reader did on whole-file $refs before bundling): a spec problem, not ours.
            Report(Descriptors.OpenApiError, "", $"the reader failed ({exception.GetType().Name}: {exception.Message})");
            return new ParsedSpec(EmptyModel(_input), _diagnostics.ToEquatableArray());
        }
        // The text is only tokenized for locations when the reader had something to say: a malformed file gets one
        // located syntax error instead of the reader's follow-on complaints.
        if ((result.Document is null || result.Diagnostic?.Errors.Count > 0) && SyntaxErrorOnly() is { } syntax)
        {
            return syntax;
        }
        // Errors the reader read past (the document still came out) do not stop generation, so they are warnings:
        // real specs carry hundreds of them (unknown keys, missing descriptions) and must still build. Only a
        // document the reader could not produce at all is an error.
        var readPast = result.Document is null ? Descriptors.OpenApiError : Descriptors.OpenApiReadPast;
        foreach (var error in result.Diagnostic?.Errors ?? Enumerable.Empty<OpenApiError>())
        {
            Report(readPast, PointerOf(error.Pointer, error.Message), error.Message);
        }
        foreach (var warning in result.Diagnostic?.Warnings ?? Enumerable.Empty<OpenApiError>())
        {
            Report(Descriptors.OpenApiWarning, PointerOf(warning.Pointer, warning.Message), warning.Message);
        }
        if (result.Document is null)
        {
            return new ParsedSpec(EmptyModel(_input), _diagnostics.ToEquatableArray());
        }
        // The document model does not keep the version it was read from; Swagger 2.0 parameters need it.
        _isSwagger2 = result.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0;
        _document = result.Document;
        cancellationToken.ThrowIfCancellationRequested();

        ReserveNames();
        var quotas = new QuotaReader(this);
        quotas.ReadLabels(_document.Extensions);
        var operations = ReadOperations(quotas, cancellationToken);
        var refreshables = ResolveRefreshables(operations);
        ReportWebhooksAndCallbacks();

        DropWarningsCoveredByUnresolvedReferences();
        var model = new SpecModel(
            _input.FilePath,
            _names.Namespace,
            _names.ClientName,
            _document.Info?.Title,
            _document.Info?.Description,
            DefaultServerUrl(_document.Servers?.FirstOrDefault()),
            _types.ToEquatableArray(),
            operations.ToEquatableArray(),
            quotas.Policies.ToEquatableArray(),
            EquatableArray<DiagnosticInfo>.Empty)
        {
            Refreshables = refreshables.ToEquatableArray(),
        };
        return new ParsedSpec(model, _diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The first server's URL with its variables set to their defaults, when that gives an absolute http(s) URL;
    /// otherwise <see langword="null"/> (the user then sets the base address in the client options).
    /// </summary>
    private static string? DefaultServerUrl(OpenApiServer? server)
    {
        var url = server?.Url;
        if (string.IsNullOrWhiteSpace(url)) return null;
        foreach (var variable in server!.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url!.Replace("{" + variable.Key + "}", variable.Value?.Default ?? "");
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http") && url!.IndexOf('{') < 0
            ? url
            : null;
    }

    /// <summary>
    /// Names that generated files use besides the schema types, then every component schema's name in document
    /// order: components win over inline schemas, whose derived names come later.
    /// </summary>
    private void ReserveNames()
    {
        _typeNames.Reserve(_names.ClientName);
        _typeNames.Reserve(_names.ApiName);
        _typeNames.Reserve(_names.JsonHelpersName);
        _typeNames.Reserve(_names.ExtensionsName);
        foreach (var entry in _document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var pointer = JsonPointer.Append("/components/schemas", entry.Key);
            var wanted = CSharpName.PascalIdentifier(entry.Key, "Schema", "Schema");
            var name = TakeTypeName(wanted, "schema", entry.Key, pointer);
            _componentNames[entry.Key] = name;
        }
    }

    /// <summary>Takes a type name and its companion <c>{Name}Json</c> (enum helpers), reporting collisions.</summary>
    internal string TakeTypeName(string wanted, string what, string specName, string pointer)
    {
        var name = wanted;
        for (int i = 2; _typeNames.IsTaken(name) || _typeNames.IsTaken(name + "Json"); i++)
        {
            name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        _typeNames.Reserve(name);
        _typeNames.Reserve(name + "Json");
        if (name != wanted)
        {
            Report(Descriptors.NameCollision, pointer, what, specName, wanted, name);
        }
        return name;
    }

    internal void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params string[] args)
    {
        var location = _map.Locate(pointer) ?? DiagnosticFactory.FileStart(_input.FilePath);
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, location, new EquatableArray<string>(args)));
    }

    /// <summary>
    /// Microsoft.OpenApi pointers look like <c>#/paths/~1users/post</c>; ours have no <c>#</c>. For "X is not a valid
    /// property at #/a" the pointer names the parent, so the property is appended to land on the offending key.
    /// </summary>
    private static string PointerOf(string? pointer, string? message)
    {
        const string invalidProperty = " is not a valid property at ";
        int at = message?.IndexOf(invalidProperty, StringComparison.Ordinal) ?? -1;
        if (at > 0)
        {
            var parent = Unhash(message!.Substring(at + invalidProperty.Length).Trim());
            return JsonPointer.Append(parent, message.Substring(0, at));
        }
        return Unhash(pointer);
    }

    private static string Unhash(string? pointer)
    {
        if (string.IsNullOrEmpty(pointer)) return "";
        var value = pointer!;
        if (value.StartsWith("#", StringComparison.Ordinal)) value = value.Substring(1);
        return value == "/" ? "" : value.TrimEnd('.');
    }

    /// <summary>The reader also warns about a $ref to nowhere; CG0001 says it better, at the same place, so the warning goes.</summary>
    private void DropWarningsCoveredByUnresolvedReferences()
    {
        var unresolved = new HashSet<SourceLocation?>(_diagnostics.Where(d => d.Id == Descriptors.UnresolvedReference.Id).Select(d => d.Location));
        _diagnostics.RemoveAll(d => d.Id == Descriptors.OpenApiWarning.Id && unresolved.Contains(d.Location));
    }
}
