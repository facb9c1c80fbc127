using Codegen.Runtime.Transport;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

public sealed class ExpiringUrlTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AStartUrlIsFreshUntilItsLifetimeMinusTheMarginHasPassed()
    {
        var time = new FakeTimeProvider(Issued);
        var url = new ExpiringUrl("https://zoom.us/s/1?zak=secret", Issued, TimeSpan.FromHours(2));

        Assert.Equal(Issued.AddHours(2), url.ExpiresAt);
        Assert.True(url.IsFresh(time, TimeSpan.FromMinutes(10)));
        time.Advance(TimeSpan.FromMinutes(109));
        Assert.True(url.IsFresh(time, TimeSpan.FromMinutes(10)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(url.IsFresh(time, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void ToStringMasksTheZak()
    {
        var url = new ExpiringUrl("https://zoom.us/s/1?zak=secret-zak", Issued, TimeSpan.FromHours(2));

        Assert.Equal("https://zoom.us/s/1?zak=***", url.ToString());
        Assert.DoesNotContain("secret-zak", $"{new { Start = url }}");
    }
}
