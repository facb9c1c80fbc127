using System.Linq;
using Codegen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Diagnostics;

/// <summary>Turns a <see cref="DiagnosticInfo"/> (plain data from the cached model) into a Roslyn diagnostic in the output step.</summary>
internal static class DiagnosticFactory
{
    public static Diagnostic Create(DiagnosticInfo info)
    {
        var descriptor = Descriptors.Find(info.Id) ?? Descriptors.InternalError;
        var args = info.MessageArgs.Cast<object>().ToArray();
        return Diagnostic.Create(descriptor, ToLocation(info.Location), args);
    }

    public static Location ToLocation(SourceLocation? location) =>
        location is null
            ? Location.None
            : Location.Create(
                location.FilePath,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(
                    new LinePosition(location.StartLine, location.StartColumn),
                    new LinePosition(location.EndLine, location.EndColumn)));

    /// <summary>A diagnostic for the whole file (line 1, column 1) when no better place is known.</summary>
    public static SourceLocation FileStart(string filePath) => new(filePath, 0, 0, 0, 0, 0, 0);
}
