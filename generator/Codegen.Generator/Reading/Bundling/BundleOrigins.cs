using System;
using System.Collections.Generic;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>
/// Where the pieces of a bundled document came from: a pointer in the bundle (e.g. <c>/definitions/Pet</c>, or the
/// place a parameter was copied to) → a file and a pointer in it. Locating a bundle pointer takes the longest
/// recorded prefix, so a diagnostic inside copied text lands on the line of the part file it was written in.
/// </summary>
internal sealed class BundleOrigins
{
    private readonly Dictionary<string, (string File, string Pointer)> _byBundlePointer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceMap> _maps;

    public BundleOrigins(Dictionary<string, SourceMap> maps) => _maps = maps;

    public void Add(string bundlePointer, string file, string filePointer) => _byBundlePointer[bundlePointer] = (file, filePointer);

    /// <summary>The location in a part file, or <see langword="null"/> when the pointer is the root file's own text.</summary>
    public SourceLocation? Locate(string bundlePointer)
    {
        if (bundlePointer.StartsWith("#", StringComparison.Ordinal)) bundlePointer = bundlePointer.Substring(1);
        var prefix = bundlePointer;
        while (true)
        {
            if (_byBundlePointer.TryGetValue(prefix, out var origin) && _maps.TryGetValue(origin.File, out var map))
            {
                return map.Locate(origin.Pointer + bundlePointer.Substring(prefix.Length));
            }
            if (prefix.Length == 0) return null;
            int slash = prefix.LastIndexOf('/');
            prefix = slash <= 0 ? string.Empty : prefix.Substring(0, slash);
        }
    }
}
