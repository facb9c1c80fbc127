using System;
using System.IO;
using System.Threading;
using Codegen.Generator.Model;
using Codegen.Generator.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator.Reading;

/// <summary>
/// Decides which AdditionalFiles are specs and reads their per-file options. A file is a spec when its
/// <c>CodegenSpec</c> metadata is <c>true</c> (what <c>&lt;OpenApiSpec&gt;</c> items set), or, without that
/// metadata, when it is a <c>.yaml</c>/<c>.yml</c>/<c>.json</c> file whose text starts like an OpenAPI or Swagger
/// document (its first key is <c>openapi</c> or <c>swagger</c>). <c>CodegenSpec=false</c> opts a file out.
/// </summary>
internal static class SpecInputReader
{
    public static SpecInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.CodegenSpec", out var flag);
        bool marked = string.Equals(flag?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        bool optedOut = string.Equals(flag?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        if (optedOut || (!marked && !HasSpecExtension(file.Path)))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString();
        if (text is null || (!marked && !LooksLikeSpec(text)))
        {
            return null;
        }

        fileOptions.TryGetValue("build_metadata.AdditionalFiles.Namespace", out var ns);
        fileOptions.TryGetValue("build_metadata.AdditionalFiles.ClientName", out var clientName);
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        return new SpecInput(file.Path, text, DefaultOptions(file.Path, ns, clientName, rootNamespace));
    }

    /// <summary><c>zoom-meetings.yaml</c> → namespace <c>{RootNamespace}.ZoomMeetings</c>, client <c>ZoomMeetingsClient</c>.</summary>
    public static SpecOptions DefaultOptions(string path, string? ns, string? clientName, string? rootNamespace)
    {
        var baseName = CSharpName.PascalIdentifier(Path.GetFileNameWithoutExtension(path), "Api", "Api");
        var namespaceName = string.IsNullOrWhiteSpace(ns) ? DefaultNamespace(rootNamespace, baseName) : CleanNamespace(ns!);
        var client = string.IsNullOrWhiteSpace(clientName) ? baseName + "Client" : CSharpName.PascalIdentifier(clientName!, "Api", "ApiClient");
        return new SpecOptions(namespaceName, client);
    }

    private static string DefaultNamespace(string? rootNamespace, string baseName)
    {
        var root = string.IsNullOrWhiteSpace(rootNamespace) ? "" : CleanNamespace(rootNamespace!);
        return root.Length == 0 ? baseName : root + "." + baseName;
    }

    /// <summary>Each dotted segment becomes a valid identifier; empty segments disappear.</summary>
    private static string CleanNamespace(string ns)
    {
        var parts = ns.Trim().Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var clean = new System.Text.StringBuilder();
            foreach (char c in part)
            {
                clean.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }
            var name = clean.Length == 0 ? "Api" : clean.ToString();
            if (char.IsDigit(name[0])) name = "_" + name;
            parts[i] = CSharpName.IsKeyword(name) ? "@" + name : name;
        }
        return string.Join(".", parts);
    }

    public static bool HasSpecExtension(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first key (after comments and a JSON brace) is <c>openapi</c> or <c>swagger</c>.</summary>
    public static bool LooksLikeSpec(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == '{' || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '-' && string.CompareOrdinal(text, i, "---", 0, 3) == 0)
            {
                i += 3;
            }
            else
            {
                break;
            }
        }
        if (i < text.Length && (text[i] == '"' || text[i] == '\'')) i++;
        return Matches(text, i, "openapi") || Matches(text, i, "swagger");
    }

    private static bool Matches(string text, int index, string word) =>
        string.Compare(text, index, word, 0, word.Length, StringComparison.Ordinal) == 0;
}
