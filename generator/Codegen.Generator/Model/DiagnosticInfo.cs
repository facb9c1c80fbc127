namespace Codegen.Generator.Model;

/// <summary>A diagnostic kept as data: descriptor id, message arguments and a spec-file location.</summary>
/// <param name="Id">The descriptor id, e.g. <c>CG0003</c>.</param>
/// <param name="Location">Where in the spec file, or <see langword="null"/> when there is no better place than the file itself.</param>
/// <param name="MessageArgs">Arguments for the descriptor's message format.</param>
internal sealed record DiagnosticInfo(string Id, SourceLocation? Location, EquatableArray<string> MessageArgs);
