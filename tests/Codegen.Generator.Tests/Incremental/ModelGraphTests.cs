using System.Collections;
using System.Reflection;
using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Incremental;

/// <summary>The cached model holds plain data only: no Roslyn and no Microsoft.OpenApi object is reachable from it.</summary>
public sealed class ModelGraphTests
{
    [Fact]
    public void ParsedModelReachesNoRoslynOrOpenApiObject()
    {
        var spec = Specs.KitchenSink();
        var parsed = SpecReader.Read(new SpecInput(spec.Path, spec.Text, new SpecOptions("Tests.Sink", "SinkClient")), CancellationToken.None);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(parsed, visited, "parsed");

        Assert.True(visited.Count > 50, "the walk should reach the whole model, reached " + visited.Count);
    }

    [Fact]
    public void ReadingTheSameTextTwiceGivesEqualModels()
    {
        var spec = Specs.KitchenSink();
        var input = new SpecInput(spec.Path, spec.Text, new SpecOptions("Tests.Sink", "SinkClient"));

        var first = SpecReader.Read(input, CancellationToken.None);
        var second = SpecReader.Read(input with { Text = spec.Text + "\n" }, CancellationToken.None);

        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model.GetHashCode(), second.Model.GetHashCode());
    }

    private static void Walk(object? value, HashSet<object> visited, string path)
    {
        if (value is null) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal) return;
        var ns = type.Namespace ?? "";
        Assert.False(ns.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), $"{path} is a Roslyn object ({type})");
        Assert.False(ns.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal), $"{path} is a Microsoft.OpenApi object ({type})");
        Assert.False(ns.StartsWith("System.Text.Json", StringComparison.Ordinal), $"{path} is a JSON DOM object ({type})");
        if (!type.IsValueType && !visited.Add(value)) return;

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (var item in sequence) Walk(item, visited, $"{path}[{i++}]");
            if (type.Namespace == "Codegen.Generator.Model") return;
        }
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), visited, path + "." + field.Name);
        }
    }
}
