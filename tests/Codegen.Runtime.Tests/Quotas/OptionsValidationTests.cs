using Xunit;
using Codegen.Runtime.Quotas;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Quotas;

public sealed class OptionsValidationTests
{
    [Fact]
    public void ValidatorListsEveryProblemClearly()
    {
        var options = new QuotaOptions { MaxWait = TimeSpan.FromSeconds(-1), Plan = " " };
        options.Policies["meeting-create-update"] = new QuotaPolicyOptions { PermitLimit = 0 };
        options.Policies["custom"] = new QuotaPolicyOptions { PermitLimit = 5, Window = QuotaWindowKind.Rolling };

        var result = new QuotaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("QuotaOptions.MaxWait must be between 0 and 5 minutes (was -00:00:01)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("QuotaOptions.Plan must be a plan name", StringComparison.Ordinal));
        Assert.Contains("Quota 'meeting-create-update': PermitLimit must be at least 1 (was 0). To turn the policy off, set Enabled = false.", failures);
        Assert.Contains("Quota 'custom': a Rolling window needs a Period (for example 00:00:01).", failures);
    }

    [Fact]
    public void DefaultOptionsAreValid()
    {
        Assert.True(new QuotaOptionsValidator().Validate(null, new QuotaOptions()).Succeeded);
        Assert.Empty(new QuotaOptions().Validate(Zoom.Api()));
    }

    [Fact]
    public void AnOverrideOfAnUndeclaredPolicyNeedsLimitAndWindow()
    {
        var time = new FakeTimeProvider();
        var options = new QuotaOptions();
        options.Policies["meeting-create"] = new QuotaPolicyOptions { PermitLimit = 50 }; // a typo of meeting-create-update

        var error = Assert.Throws<OptionsValidationException>(() => new QuotaLimiter(Zoom.Api(), new InMemoryQuotaStore(time), options, time));

        Assert.Contains("Quota 'meeting-create' is not declared by the API 'ZoomMeetingsClient' (its quotas: meeting-create-update, rate-limit:Medium); to add it, set PermitLimit and Window.", error.Message);
    }

    [Fact]
    public void ValidateOnStartReportsTheProblem()
    {
        var services = new ServiceCollection();
        services.AddOptions<QuotaOptions>().Configure(o => o.MaxWait = TimeSpan.FromHours(1));
        services.AddSingleton<IValidateOptions<QuotaOptions>, QuotaOptionsValidator>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<QuotaOptions>>().Value);

        Assert.Contains("QuotaOptions.MaxWait must be between 0 and 5 minutes (was 01:00:00)", error.Message);
    }
}
