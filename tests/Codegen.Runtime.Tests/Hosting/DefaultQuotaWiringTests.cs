using Codegen.Runtime.Hosting;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Tests.Transport;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Hosting;

/// <summary>A registered client enforces the spec's quotas with the in-memory store unless another store is registered.</summary>
public sealed class DefaultQuotaWiringTests
{
    private static ApiDescription DescriptionWithDailyQuota(Uri server, int limit) => new("QuotaZoom", server,
    [
        new QuotaPolicy
        {
            Name = "meeting-create-update",
            PermitLimit = limit,
            Window = QuotaWindowKind.CalendarDayUtc,
            PartitionParameter = "userId",
            PartitionIgnoreCase = true,
        },
    ]);

    [Fact]
    public async Task TheSpecsDailyQuotaIsEnforcedThroughDependencyInjectionWithoutSendingTheRefusedCall()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddCodegenClient(DescriptionWithDailyQuota(server.BaseAddress, 2), static invoker => new HostedTestClient(invoker))
            .WithStaticBearerToken("quota-token");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HostedTestClient>();

        await client.CreateAsync();
        await client.CreateAsync();
        var refused = await Assert.ThrowsAsync<QuotaExceededException>(client.CreateAsync);

        Assert.Equal("meeting-create-update", refused.PolicyName);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), refused.RetryAt);
        Assert.Equal(2, server.Requests.Count);
        Assert.IsType<InMemoryQuotaStore>(provider.GetRequiredService<IQuotaStore>());
    }

    [Fact]
    public async Task TheClientsLimiterIsReachableForStatusAndHonoursLimitOverridesFromOptions()
    {
        var services = new ServiceCollection();
        services.AddCodegenClient(DescriptionWithDailyQuota(new Uri("https://api.example/"), 100), static invoker => new HostedTestClient(invoker),
            options => options.Quotas.SetLimit("meeting-create-update", 7));
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<HostedTestClient>();

        var limiter = provider.GetQuotaLimiter("QuotaZoom");

        Assert.NotNull(limiter);
        var status = await limiter.GetStatusAsync("meeting-create-update", "host@example.com");
        Assert.Equal(7, status.Remaining);
        Assert.Null(provider.GetQuotaLimiter("NoSuchClient"));
    }
}
