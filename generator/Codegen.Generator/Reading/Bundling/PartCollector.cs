using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>
/// Gives a spec input the AdditionalFiles its external <c>$ref</c>s reach (followed through the parts themselves)
/// and nothing else, so the parse step re-runs when one of them changes and stays cached when an unrelated file does.
/// </summary>
internal static class PartCollector
{
    /// <summary>Called for a spec whose text has external <c>$ref</c>s (the caller has scanned it once already).</summary>
    public static SpecInput Attach(SpecInput input, ImmutableArray<SpecPart> candidates, CancellationToken cancellationToken)
    {
        var index = new PartIndex(candidates);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RefPath.Normalize(input.FilePath) };
        var parts = new List<SpecPart>();
        var pending = new Queue<(string Path, string Text)>();
        pending.Enqueue((input.FilePath, input.Text));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (path, text) = pending.Dequeue();
            foreach (var file in ExternalRefScanner.ReferencedFiles(text))
            {
                if (RefPath.IsUrl(file)) continue;
                var resolved = RefPath.Resolve(path, file);
                if (index.TryFind(resolved, out var part) && seen.Add(RefPath.Normalize(part.FilePath)))
                {
                    parts.Add(part);
                    pending.Enqueue((part.FilePath, part.Text));
                }
            }
        }
        return input with { Parts = parts.OrderBy(p => p.FilePath, StringComparer.Ordinal).ToEquatableArray() };
    }
}
