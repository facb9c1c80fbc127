namespace Codegen.Generator.Reading.Bundling;

/// <summary>
/// An AdditionalFile that a spec's external <c>$ref</c>s (directly or through other parts) name. Compared by value,
/// so a spec's input changes only when one of ITS parts changes, not when any other AdditionalFile does.
/// </summary>
/// <param name="FilePath">The path the compiler gives the AdditionalFile.</param>
/// <param name="Text">The file's text.</param>
internal sealed record SpecPart(string FilePath, string Text);
