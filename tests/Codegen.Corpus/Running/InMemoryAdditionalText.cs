using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Corpus.Running;

/// <summary>An AdditionalFile read once from disk, as the compiler would hand it to the generator.</summary>
internal sealed class InMemoryAdditionalText(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;

    public static InMemoryAdditionalText Load(string path) =>
        new(path, SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8));
}
