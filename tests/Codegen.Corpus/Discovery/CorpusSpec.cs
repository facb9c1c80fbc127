namespace Codegen.Corpus.Discovery;

/// <summary>One root spec of the corpus and the files its relative <c>$ref</c>s reach.</summary>
/// <param name="RelativePath">Path relative to the corpus folder, with forward slashes (the report's row name).</param>
/// <param name="FullPath">Absolute path of the root spec.</param>
/// <param name="Version">Spec version as written (<c>2.0</c>, <c>3.0.1</c>, <c>3.1.0</c>...).</param>
/// <param name="SizeBytes">Size of the root file.</param>
/// <param name="Parts">Absolute paths of the other files reached through relative <c>$ref</c>s (transitively).</param>
public sealed record CorpusSpec(string RelativePath, string FullPath, string Version, long SizeBytes, IReadOnlyList<string> Parts)
{
    /// <summary>The major.minor family: <c>2.0</c>, <c>3.0</c> or <c>3.1</c> (or the raw version when unusual).</summary>
    public string Family => Version.Length >= 3 && Version[1] == '.' ? Version.Substring(0, 3) : Version;

    /// <inheritdoc />
    public override string ToString() => RelativePath;
}
