using Codegen.Runtime.Hosting;
using Codegen.Runtime.Tests.Auth;
using Codegen.Runtime.Tests.Transport;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Codegen.Runtime.Tests.Hosting;

/// <summary>What a generated client looks like from DI's side.</summary>
public sealed class HostedTestClient(ApiInvoker invoker)
{
    public ApiInvoker Invoker => invoker;

    internal Task<TestMeeting> CreateAsync() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);
}

public sealed class AddCodegenClientTests
{
    [Fact]
    public async Task TheGeneratedClientResolvesAndSendsWithTheStaticToken()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("HostedZoom", server.BaseAddress), static invoker => new HostedTestClient(invoker))
            .WithStaticBearerToken("hosted-static-token");
        await using var provider = services.BuildServiceProvider();

        var meeting = await provider.GetRequiredService<HostedTestClient>().CreateAsync();

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal("Bearer hosted-static-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task OptionsAreNamedByTheClientNameAndConfigureApplies()
    {
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("NamedZoom", new Uri("https://api.zoom.us/v2/")), static invoker => new HostedTestClient(invoker),
            options =>
            {
                options.AttemptTimeout = TimeSpan.FromSeconds(12);
                options.Plan = "Pro";
            });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HostedTestClient>();

        Assert.Equal(TimeSpan.FromSeconds(12), client.Invoker.Options.AttemptTimeout);
        Assert.Equal("Pro", provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get("NamedZoom").Plan);
        Assert.Equal(new Uri("https://api.zoom.us/v2/"), client.Invoker.BaseAddress); // the spec's server by default
    }

    [Fact]
    public async Task InvalidOptionsFailOnFirstUseWithEveryProblemNamed()
    {
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("BrokenZoom", null), static invoker => new HostedTestClient(invoker),
            options => options.Retry.MaxAttempts = 0);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<HostedTestClient>());

        Assert.Contains(error.Failures, f => f.Contains("Client 'BrokenZoom'") && f.Contains("BaseAddress is required"));
        Assert.Contains(error.Failures, f => f.Contains("Retry.MaxAttempts must be between 1 and 10; got 0"));
    }

    [Fact]
    public async Task ZoomServerToServerAuthIsSharedByEveryClientInstance()
    {
        await using var tokens = await LoopbackServer.StartAsync((context, number) => TokenEndpoint.Issue(context, number));
        await using var api = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("S2SZoom", api.BaseAddress), static invoker => new HostedTestClient(invoker))
            .WithZoomServerToServerAuth(TokenEndpoint.AccountId, TokenEndpoint.ClientId, TokenEndpoint.ClientSecret, TokenEndpoint.Url(tokens));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<HostedTestClient>().CreateAsync();
        await provider.GetRequiredService<HostedTestClient>().CreateAsync();

        Assert.Equal(1, tokens.RequestCount);
        Assert.All(api.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task MissingZoomCredentialsFailWithAClearError()
    {
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("NoSecretZoom", new Uri("https://api.zoom.us/v2/")), static invoker => new HostedTestClient(invoker))
            .WithZoomServerToServerAuth(options => options.AccountId = "acct");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<HostedTestClient>());

        Assert.Contains(error.Failures, f => f.Contains("ClientSecret is required"));
    }

    [Fact]
    public async Task ARegisteredTimeProviderIsKept()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(fake);
        services.AddCodegenClient(new ApiDescription("ClockZoom", new Uri("https://api.zoom.us/v2/")), static invoker => new HostedTestClient(invoker));
        await using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task TheDiClientDropsAuthorizationOnACrossOriginRedirect()
    {
        await using var other = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson));
        await using var api = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "elsewhere").ToString();
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddCodegenClient(new ApiDescription("RedirectZoom", api.BaseAddress), static invoker => new HostedTestClient(invoker))
            .WithStaticBearerToken("hosted-static-token");
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<HostedTestClient>().CreateAsync();

        Assert.Equal("Bearer hosted-static-token", Assert.Single(api.Requests).Authorization);
        Assert.Null(Assert.Single(other.Requests).Authorization);
    }
}
