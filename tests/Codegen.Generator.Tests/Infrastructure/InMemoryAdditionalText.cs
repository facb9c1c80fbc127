using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item held in memory, with the MSBuild metadata the build would give it.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
        Metadata = metadata ?? new Dictionary<string, string>();
    }

    public override string Path { get; }

    /// <summary>Item metadata without the <c>build_metadata.AdditionalFiles.</c> prefix, e.g. <c>Namespace</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string Text => _text.ToString();

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>A spec marked like an &lt;OpenApiSpec&gt; item.</summary>
    public static InMemoryAdditionalText Spec(string path, string text, string? ns = null, string? clientName = null)
    {
        var metadata = new Dictionary<string, string> { ["CodegenSpec"] = "true" };
        if (ns is not null) metadata["Namespace"] = ns;
        if (clientName is not null) metadata["ClientName"] = clientName;
        return new InMemoryAdditionalText(path, text, metadata);
    }

    public InMemoryAdditionalText WithText(string text) => new(Path, text, Metadata);
}
