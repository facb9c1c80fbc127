using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Corpus.Running;

/// <summary>
/// The analyzer-config options MSBuild would produce: <c>build_metadata.AdditionalFiles.CodegenSpec=true</c> on the
/// root spec (what an <c>&lt;OpenApiSpec&gt;</c> item sets) and <c>CodegenSpec=false</c> on its <c>$ref</c> parts (what an
/// <c>&lt;OpenApiSpecPart&gt;</c> item sets), so a part that is a whole document does not generate a client of its own.
/// </summary>
internal sealed class CorpusOptionsProvider(string rootSpecPath, string rootNamespace) : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

    private static readonly DictionaryOptions Part = new(ImmutableDictionary<string, string>.Empty
        .Add("build_metadata.AdditionalFiles.CodegenSpec", "false"));

    private readonly DictionaryOptions _root = new(ImmutableDictionary<string, string>.Empty
        .Add("build_metadata.AdditionalFiles.CodegenSpec", "true"));

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(ImmutableDictionary<string, string>.Empty
        .Add("build_property.RootNamespace", rootNamespace));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        string.Equals(textFile.Path, rootSpecPath, StringComparison.Ordinal) ? _root : Part;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
