using Codegen.Generator.Model;
using Codegen.Generator.Reading;
using Codegen.Generator.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

/// <summary>The cross-field rules of our Zoom spec are all read, none is left to a warning.</summary>
public sealed class ZoomSpecRuleReadingTests
{
    [Fact]
    public void EveryRecurrenceRuleOfTheZoomSpecIsReadWithoutWarnings()
    {
        string path = RepositoryPaths.Spec("zoom-meetings.yaml");
        string text = File.ReadAllText(path);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(text, "yaml", settings).Document!;
        var map = SourceMap.Build(path, text);
        Assert.Null(map.SyntaxError);

        var diagnostics = new List<DiagnosticInfo>();
        var rules = ConstraintReader.ReadObjectRules(document.Components!.Schemas!["Recurrence"], "/components/schemas/Recurrence", diagnostics, map);

        Assert.Empty(diagnostics);
        Assert.Equal(new[] { "end_times", "end_date_time" }, Assert.IsType<NotAllPresentRule>(rules[0]).JsonNames.ToArray());
        Assert.Equal(2, rules.OfType<DependentRequiredRule>().Count());
        var conditionals = rules.OfType<ConditionalRule>().ToArray();
        Assert.Equal(new[] { "weekly_days" }, conditionals[0].Then.Required.ToArray());
        Assert.Equal(
            new[] { ("1", "99"), ("2", "50"), ("3", "10") },
            conditionals.Skip(1).Select(c => (c.If.Values[0], c.Then.Properties[0].Constraints.Maximum!)).ToArray());
        Assert.All(conditionals, c => Assert.Equal(("type", true), (c.If.JsonName, c.If.RequirePresent)));

        // The rule is located at the `if` key of its allOf entry.
        var firstIf = map.Locate(conditionals[1].Pointer)!;
        Assert.Equal("if", text.Substring(firstIf.Start, firstIf.Length));
    }
}
