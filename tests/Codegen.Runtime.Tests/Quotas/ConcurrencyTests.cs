using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly StoreFactory _stores = new();

    public void Dispose() => _stores.Dispose();

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task ThousandConcurrentAcquirersOnOneKeyGetExactlyTheLimit(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limiter = Zoom.DailyOnly(_stores.Create(store, time), time);
        var request = Zoom.Create("host@example.com");

        var leases = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(async () => await limiter.AcquireAsync(request))));

        Assert.Equal(100, leases.Count(l => l.IsAcquired));
        Assert.Equal(100, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public async Task APermitIsTakenFromEveryPolicyOrFromNone(string store)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, 500, TimeSpan.Zero));
        // Pro: 20 per second for the account, 100 per day for the host.
        var limiter = Zoom.Limiter(_stores.Create(store, time), time, o => o.MaxWait = TimeSpan.Zero);
        var request = Zoom.Create("host@example.com");

        var granted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), async (_, ct) =>
        {
            if ((await limiter.AcquireAsync(request, 1, ct)).IsAcquired)
            {
                Interlocked.Increment(ref granted);
            }
        });

        Assert.Equal(20, granted);
        // Attempts the label refused took nothing from the daily count.
        Assert.Equal(20, (await limiter.GetStatusAsync(Zoom.DailyName, "host@example.com")).Used);
    }
}
