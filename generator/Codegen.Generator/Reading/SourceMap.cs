using Codegen.Generator.Model;

namespace Codegen.Generator.Reading;

// TEMPORARY STUB: replaced by the genval branch's SourceMap on merge.
internal sealed partial class SourceMap
{
    private readonly string _filePath;

    private SourceMap(string filePath) => _filePath = filePath;

    public DiagnosticInfo? SyntaxError { get; private set; }

    public string FilePath => _filePath;

    public static SourceMap Build(string filePath, string text) => new(filePath);

    public SourceLocation? Locate(string jsonPointer) => new(_filePath, 0, 0, 0, 0, 0, 0);
}
