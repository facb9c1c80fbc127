using Codegen.Generator.Reading;

namespace Codegen.Generator.Tests.Reading;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT1S", 1)]
    [InlineData("PT1M", 60)]
    [InlineData("PT1H30M", 5400)]
    [InlineData("P1D", 86400)]
    [InlineData("P1W", 604800)]
    [InlineData("P1DT2H", 93600)]
    [InlineData("PT0.5S", 0.5)]
    public void QuotaPeriodsParse(string text, double seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var ticks));
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimeSpan.FromTicks(ticks));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1S")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("PT0S")]
    [InlineData("PTS")]
    [InlineData("P1DT")]
    public void MalformedOrEmptyPeriodsAreRejected(string? text) =>
        Assert.False(IsoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("PT2H", "2 hours")]
    [InlineData("P90D", "90 days")]
    [InlineData("PT1H1M", "1 hour 1 minute")]
    public void DurationsAreDescribedInWords(string text, string words)
    {
        Assert.True(IsoDuration.TryParse(text, out var ticks));
        Assert.Equal(words, IsoDuration.Describe(ticks));
    }
}
