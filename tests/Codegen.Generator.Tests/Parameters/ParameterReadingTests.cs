using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests.Parameters;

/// <summary>Which parameters are read and how, and what the generator says about the ones it cannot send as declared.</summary>
public sealed class ParameterReadingTests : IClassFixture<ParameterStylesFixture>
{
    private readonly ParameterStylesFixture _styles;

    public ParameterReadingTests(ParameterStylesFixture styles) => _styles = styles;

    private IEnumerable<string> Messages(string id) =>
        _styles.Result.GeneratorDiagnostics.Where(d => d.Id == id).Select(d => d.GetMessage());

    [Fact]
    public void DeepObjectNestedMoreThanOneLevelIsNotSentAndSaysWhy()
    {
        Assert.Contains(Messages("CG0005"), m => m.Contains("'nested'") && m.Contains("it is not sent"));
        Assert.DoesNotContain("nested", _styles.Result.Source("StylesClient.QueryAsync.g.cs"));
    }

    [Fact]
    public void StyleThatDoesNotFitTheLocationFallsBackToTheDefaultWithAWarning()
    {
        Assert.Contains(Messages("CG0005"), m => m.Contains("'matrix'") && m.Contains("'wrong'") && m.Contains("'form'"));
    }

    [Fact]
    public void PathParameterThatCannotBeSerializedIsTakenAsTextWithoutAnUndeclaredPlaceholderWarning()
    {
        Assert.Contains(Messages("CG0005"), m => m.Contains("'range'") && m.Contains("string the caller formats"));
        Assert.Empty(Messages("CG0016"));
        Assert.Contains("GetReportAsync(string range,", _styles.Result.Source("StylesClient.GetReportAsync.g.cs"));
    }

    [Fact]
    public void UnionPathParameterIsValidatedAndSendsItsSetVariant()
    {
        var source = _styles.Result.Source("StylesClient.GetMeetingAsync.g.cs");

        Assert.Contains("meetingId.Validate(ref validation);", source);
        Assert.Contains("meetingId.Int64 is { } meetingIdVariant0", source);
    }

    [Fact]
    public async Task UnionParameterWithNoVariantSetFailsValidationBeforeSending()
    {
        // Port 9 (discard) on loopback: reaching the network would fail differently.
        var validation = await Assert.ThrowsAsync<Codegen.Runtime.Validation.RequestValidationException>(() =>
            _styles.SendAsync("path union unset", new Uri("http://127.0.0.1:9/")));

        Assert.Contains(validation.Errors, e => e.ToString().Contains("meetingId") && e.ToString().Contains("no variant"));
    }

    [SharedDataFact]
    public void ZoomIntegerOrStringMeetingIdIsSentInThePath()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "real", "zoom-meetings-api-2023-10.json"));
        var spec = InMemoryAdditionalText.Spec(path, File.ReadAllText(path), "Corpus.Zoom", "ZoomClient");

        var result = GeneratorHarness.Run(new[] { spec });

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0016" && d.GetMessage().Contains("meetingId"));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CG0005" && d.GetMessage().Contains("'meetingId'"));
        var source = result.Sources.Single(s => s.HintName.StartsWith("ZoomClient.", StringComparison.Ordinal)
            && s.SourceText.ToString().Contains("\"/metrics/meetings/{meetingId}\"")).SourceText.ToString();
        Assert.Contains("global::System.Uri.EscapeDataString((meetingId.", source);
        // Compiling this large spec is left to the corpus tool (bash .ci/corpus.sh), like every spec under real/.
    }
}
