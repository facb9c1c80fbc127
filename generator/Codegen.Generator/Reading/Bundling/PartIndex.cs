using System;
using System.Collections.Generic;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>Finds AdditionalFiles by a resolved path: exactly first, then ignoring case (Windows and macOS file names).</summary>
internal sealed class PartIndex
{
    private readonly Dictionary<string, SpecPart> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SpecPart> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    public PartIndex(IEnumerable<SpecPart> parts)
    {
        foreach (var part in parts)
        {
            var key = RefPath.Normalize(part.FilePath);
            if (!_exact.ContainsKey(key)) _exact[key] = part;
            if (!_ignoringCase.ContainsKey(key)) _ignoringCase[key] = part;
        }
    }

    public bool TryFind(string resolvedPath, out SpecPart part) =>
        _exact.TryGetValue(resolvedPath, out part!) || _ignoringCase.TryGetValue(resolvedPath, out part!);
}
