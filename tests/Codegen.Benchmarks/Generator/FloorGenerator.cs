using Microsoft.CodeAnalysis;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// The Roslyn driver's floor: a trivial incremental generator that emits <see cref="FileCount"/> small files per
/// additional text, with cached steps. Its re-run after a C# edit is what any generator with that many outputs costs.
/// </summary>
public sealed class FloorGenerator(int fileCount) : IIncrementalGenerator
{
    public int FileCount { get; } = fileCount;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var count = FileCount;
        var units = context.AdditionalTextsProvider
            .Select(static (text, _) => System.IO.Path.GetFileNameWithoutExtension(text.Path).Replace('-', '_'))
            .SelectMany((name, _) => Enumerable.Range(0, count).Select(i => (Name: name, Index: i)))
            .WithTrackingName("FloorUnits");
        context.RegisterSourceOutput(units, static (spc, unit) =>
            spc.AddSource($"{unit.Name}.F{unit.Index}.g.cs", $"namespace Floor.{unit.Name} {{ internal static class F{unit.Index} {{ public const int Value = {unit.Index}; }} }}"));
    }
}
