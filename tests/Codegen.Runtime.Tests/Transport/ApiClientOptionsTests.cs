using Codegen.Runtime.Transport;
using Microsoft.Extensions.Options;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

public sealed class ApiClientOptionsTests
{
    [Fact]
    public void DefaultsWithAServerAreValid() =>
        Assert.Empty(new ApiClientOptions { BaseAddress = new Uri("https://api.zoom.us/v2/") }.Validate());

    [Fact]
    public void TheSpecServerStandsInForAMissingBaseAddress() =>
        Assert.Empty(new ApiClientOptions().Validate(new ApiDescription("Zoom", new Uri("https://api.zoom.us/v2/"))));

    [Fact]
    public void EveryProblemIsListedWithWhatIsAllowed()
    {
        var options = new ApiClientOptions
        {
            BaseAddress = new Uri("ftp://files.example.com/"),
            AttemptTimeout = TimeSpan.Zero,
            MaxRedirects = 50,
            MaxResponseBodyBytes = 10,
        };
        options.Retry.MaxAttempts = 11;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("BaseAddress must be an absolute http or https URL"));
        Assert.Contains(errors, e => e.Contains("AttemptTimeout must be between 0 and 1 hour"));
        Assert.Contains(errors, e => e.Contains("Retry.MaxAttempts must be between 1 and 10; got 11"));
        Assert.Contains(errors, e => e.Contains("Retry.MaxDelay (00:00:01) must not be shorter than Retry.BaseDelay (00:00:10)"));
        Assert.Contains(errors, e => e.Contains("MaxRedirects must be between 0 and 20; got 50"));
        Assert.Contains(errors, e => e.Contains("MaxResponseBodyBytes must be at least 1024"));
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void ABaseAddressWithAQueryIsRejectedWithoutShowingIt()
    {
        var errors = new ApiClientOptions { BaseAddress = new Uri("https://api.example.com/?api_key=k3y") }.Validate();

        Assert.Contains(errors, e => e.Contains("must not have a query"));
        Assert.DoesNotContain(errors, e => e.Contains("k3y"));
    }

    [Fact]
    public void TheInvokerRefusesInvalidOptions()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<OptionsValidationException>(() => new ApiInvoker(http, new ApiDescription("NoServer", null), new ApiClientOptions()));

        Assert.Contains("BaseAddress is required", error.Message);
    }
}
