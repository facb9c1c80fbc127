namespace Codegen.Generator.Model;

/// <summary>
/// A place in a spec file, kept as plain numbers (0-based, as Roslyn's LinePosition) so the model never holds a
/// Roslyn <c>Location</c>; the output step rebuilds one with <c>Location.Create(path, span, lineSpan)</c>.
/// </summary>
internal sealed record SourceLocation(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
