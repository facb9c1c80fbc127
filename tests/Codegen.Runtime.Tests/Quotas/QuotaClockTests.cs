using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

// The limiter reads a coarse clock when it runs on TimeProvider.System (a precise read costs more than an acquire).
public sealed class QuotaClockTests
{
    [Fact]
    public void TheCoarseSystemClockStaysWithinATickOfTheSystemClock()
    {
        var clock = new QuotaClock(TimeProvider.System);
        // Generous bound: the coarse clock's granularity is a scheduler tick (1-10 ms); a wrong anchor is off by seconds.
        var tolerance = TimeSpan.FromMilliseconds(100);
        for (var i = 0; i < 10_000; i++)
        {
            var before = DateTimeOffset.UtcNow;
            var now = clock.GetUtcNow();
            var after = DateTimeOffset.UtcNow;

            Assert.Equal(TimeSpan.Zero, now.Offset);
            Assert.InRange(now, before - tolerance, after + tolerance);
        }
    }

    [Fact]
    public void AnyOtherTimeProviderIsReadAsIs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 23, 59, 59, 999, TimeSpan.Zero));
        var clock = new QuotaClock(time);

        Assert.Equal(time.GetUtcNow(), clock.GetUtcNow());
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(1), clock.GetUtcNow());
    }
}
