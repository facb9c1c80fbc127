using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class OverrideTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Free", 2)]
    [InlineData("Pro", 20)]
    [InlineData("Business", 60)]
    [InlineData("business", 60)]
    [InlineData(null, 20)] // the spec's default plan
    public void PlanSelectsTheLabelLimit(string? plan, int perSecond)
    {
        var time = new FakeTimeProvider(Now);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.Plan = plan);

        Assert.Equal(perSecond, Zoom.CountGranted(limiter, Zoom.Create("host@example.com", Zoom.ListMeetings), 100));
    }

    [Fact]
    public void ADisabledPolicyCountsNothing()
    {
        var time = new FakeTimeProvider(Now);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.DisablePolicy(Zoom.DailyName).Plan = "Business");
        var request = Zoom.Create("host@example.com");

        var granted = 0;
        for (var second = 0; second < 3; second++)
        {
            granted += Zoom.CountGranted(limiter, request, 60);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(180, granted); // past the daily 100: only the label counts
        Assert.DoesNotContain(limiter.Policies, c => c.Policy.Name == Zoom.DailyName);
    }

    [Fact]
    public void QuotasOffGrantsEverything()
    {
        var time = new FakeTimeProvider(Now);
        var store = new InMemoryQuotaStore(time);
        var limiter = Zoom.Limiter(store, time, o => o.Enabled = false);

        Assert.Equal(500, Zoom.CountGranted(limiter, Zoom.Create("host@example.com"), 500));
        Assert.Equal(0, store.TrackedKeyCount);
    }

    [Fact]
    public void AChangedLimitWinsOverTheSpec()
    {
        var time = new FakeTimeProvider(Now);
        var limiter = Zoom.DailyOnly(new InMemoryQuotaStore(time), time, o => o.SetLimit(Zoom.DailyName, 5));

        Assert.Equal(5, Zoom.CountGranted(limiter, Zoom.Create("host@example.com"), 10));
    }

    [Fact]
    public void ConfigurationStyleOverridesApply()
    {
        var time = new FakeTimeProvider(Now);
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o =>
        {
            o.Plan = "Enterprise";
            o.Policies[Zoom.MediumName] = new QuotaPolicyOptions { PlanLimits = { ["Enterprise"] = 7 } };
        });

        Assert.Equal(7, Zoom.CountGranted(limiter, Zoom.Create("host@example.com", Zoom.ListMeetings), 20));
    }

    [Fact]
    public void AnAddedPolicyAppliesToItsOperations()
    {
        var time = new FakeTimeProvider(Now);
        var hourly = new QuotaPolicy { Name = "list-hourly", PermitLimit = 3, Window = QuotaWindowKind.Fixed, Period = TimeSpan.FromHours(1) };
        var limiter = Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.AddPolicy(hourly, Zoom.ListMeetings.OperationId));

        Assert.Equal(3, Zoom.CountGranted(limiter, Zoom.Create("host@example.com", Zoom.ListMeetings), 10));
        Assert.True(limiter.AttemptAcquire(Zoom.Create("host@example.com")).IsAcquired); // create is not listed
    }

    [Fact]
    public void AnUnknownPlanIsAClearError()
    {
        var time = new FakeTimeProvider(Now);

        var error = Assert.Throws<OptionsValidationException>(() => Zoom.Limiter(new InMemoryQuotaStore(time), time, o => o.Plan = "Enterprise"));

        Assert.Contains("Plan 'Enterprise' is not one of the plans of quota 'rate-limit:Medium' (Business, Free, Pro)", error.Message);
    }
}
