using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Generation;

public sealed class KitchenSinkTests
{
    [Fact]
    public void AwkwardSpecGeneratesCodeThatCompilesWithoutWarnings()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink() });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void OptionalBodyRequiredHeaderAndPrimitiveResponseShapeTheSignature()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink() });

        var source = result.Source("SinkClient.PutNoteAsync.g.cs");
        Assert.Contains("global::System.Threading.Tasks.Task<string> PutNoteAsync(string orderId, global::System.DateTimeOffset when, global::Tests.Sink.Priority level, global::System.Collections.Generic.IReadOnlyList<int>? ids = null, global::Tests.Sink.Item? body = null, global::System.Threading.CancellationToken cancellationToken = default)", source);
        Assert.Contains("body?.Validate(ref validation);", source);
        Assert.Contains("request.AddHeader(\"when\", when.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture));", source);
        Assert.Contains("request.AddQuery(\"level\", global::Tests.Sink.PriorityJson.ToWire(level));", source);
        Assert.Contains("global::Codegen.Runtime.Transport.ParameterStyles.AddQuery(request, \"ids\", global::System.Linq.Enumerable.Select(idsValue, static item => item.ToString(global::System.Globalization.CultureInfo.InvariantCulture)), global::Codegen.Runtime.Transport.ParameterStyle.Form, false);", source);
        Assert.Contains("if (!global::Tests.Sink.PriorityJson.IsDefined(level)) validation.AddError(\"level\", \"enum\",", source);
        result.AssertCompilesCleanly();
    }
}
