using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>Gives the generator per-file metadata (<c>build_metadata.AdditionalFiles.*</c>) and global build properties.</summary>
public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byPath;

    public TestOptionsProvider(IEnumerable<InMemoryAdditionalText> files, IReadOnlyDictionary<string, string>? globalProperties = null)
    {
        _byPath = files.ToDictionary(f => f.Path, f => f.Metadata);
        GlobalOptions = new Options((globalProperties ?? new Dictionary<string, string>())
            .ToDictionary(p => "build_property." + p.Key, p => p.Value));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var metadata)
            ? new Options(metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value))
            : Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
