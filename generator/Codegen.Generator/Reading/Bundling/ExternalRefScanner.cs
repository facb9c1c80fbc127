using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Codegen.Generator.Reading.Bundling;

/// <summary>
/// A quick textual look for <c>$ref</c> values that name another file. Used before anything is parsed: to skip
/// bundling for the usual single-file spec, and to collect the parts a spec needs. Finding a few too many (a
/// <c>$ref</c> inside an example) only widens what the input compares; the bundler decides what is really used.
/// </summary>
internal static class ExternalRefScanner
{
    private static readonly Regex RefValue = new(
        @"[""']?\$ref[""']?\s*:\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s,}\]""'][^\s,}\]]*))",
        RegexOptions.CultureInvariant);

    /// <summary>Whether the text has any <c>$ref</c> whose value does not start with <c>#</c>.</summary>
    public static bool HasExternalRefs(string text) => ReferencedFiles(text).Any();

    /// <summary>The file halves of every external <c>$ref</c> value, as written (relative to this text's file).</summary>
    public static IEnumerable<string> ReferencedFiles(string text)
    {
        if (text.IndexOf("$ref", StringComparison.Ordinal) < 0) yield break;
        foreach (Match match in RefValue.Matches(text))
        {
            var file = RefPath.Split(match.Groups["v"].Value.Trim()).File;
            if (file.Length > 0)
            {
                yield return file;
            }
        }
    }
}
