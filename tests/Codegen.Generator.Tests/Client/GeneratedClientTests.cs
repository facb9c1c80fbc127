using System.Reflection;
using Codegen.Generator.Tests.Json;

namespace Codegen.Generator.Tests.Client;

/// <summary>The generated Zoom client's public shape and its validate-before-send behaviour.</summary>
public sealed class GeneratedClientTests : IClassFixture<ZoomClientFixture>
{
    private readonly ZoomClientFixture _zoom;

    public GeneratedClientTests(ZoomClientFixture zoom) => _zoom = zoom;

    [Fact]
    public void InvalidRequestThrowsOneExceptionListingEveryViolationBeforeSending()
    {
        var errors = _zoom.Probe("CreateMeetingWithInvalidInput").Split('\n');

        Assert.Contains(errors, e => e.StartsWith("topic:", StringComparison.Ordinal) && e.Contains("maxLength"));
        Assert.Contains(errors, e => e.StartsWith("password:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("userId:", StringComparison.Ordinal) && e.Contains("minLength"));
        Assert.DoesNotContain(errors, e => e.Contains("far too long!"));
    }

    [Fact]
    public void ClientMethodsHaveTheDocumentedSignatures()
    {
        var client = _zoom.Assembly.Type("Zoom.Meetings.ZoomMeetingsClient");

        Assert.Equal(
            "System.Threading.Tasks.Task`1[Zoom.Meetings.Meeting] CreateMeetingAsync(System.String, Zoom.Meetings.CreateMeetingRequest, System.Threading.CancellationToken)",
            client.GetMethod("CreateMeetingAsync")!.ToString());
        Assert.Equal(
            "System.Threading.Tasks.Task`1[Zoom.Meetings.Meeting] GetMeetingAsync(Int64, System.String, System.Nullable`1[System.Boolean], System.Threading.CancellationToken)",
            client.GetMethod("GetMeetingAsync")!.ToString());
        var constructor = Assert.Single(client.GetConstructors());
        Assert.Equal("Codegen.Runtime.Transport.ApiInvoker", Assert.Single(constructor.GetParameters()).ParameterType.FullName);
    }

    [Fact]
    public void OperationsCarryTheirQuotaPolicyNames()
    {
        var client = _zoom.Assembly.Type("Zoom.Meetings.ZoomMeetingsClient");
        var create = (Codegen.Runtime.Transport.ApiOperation)client.GetProperty("CreateMeetingOperation")!.GetValue(null)!;
        var get = (Codegen.Runtime.Transport.ApiOperation)client.GetProperty("GetMeetingOperation")!.GetValue(null)!;

        Assert.Equal(new[] { "meeting-create-update", "rate-limit:Medium" }, create.QuotaPolicies);
        Assert.Equal(HttpMethod.Post, create.Method);
        Assert.Equal("/users/{userId}/meetings", create.PathTemplate);
        Assert.Equal(new[] { "rate-limit:Light" }, get.QuotaPolicies);
    }

    [Fact]
    public void DescriptionHasServerAndEveryQuotaPolicyFromTheExtensions()
    {
        var api = _zoom.Assembly.Type("Zoom.Meetings.ZoomMeetingsApi");
        var description = (Codegen.Runtime.Transport.ApiDescription)api.GetProperty("Description")!.GetValue(null)!;

        Assert.Equal("ZoomMeetingsClient", description.Name);
        Assert.Equal(new Uri("https://api.zoom.us/v2"), description.DefaultBaseAddress);
        var daily = description.Quotas.Single(q => q.Name == "meeting-create-update");
        Assert.Equal((100, Codegen.Runtime.Quotas.QuotaWindowKind.CalendarDayUtc, TimeSpan.FromDays(1), "userId", true),
            (daily.PermitLimit, daily.Window, daily.Period, daily.PartitionParameter, daily.PartitionIgnoreCase));
        var medium = description.Quotas.Single(q => q.Name == "rate-limit:Medium");
        Assert.Equal((20, Codegen.Runtime.Quotas.QuotaWindowKind.Fixed, TimeSpan.FromSeconds(1), (string?)null),
            (medium.PermitLimit, medium.Window, medium.Period, medium.PartitionParameter));
        Assert.Equal(60, medium.LimitFor("Business"));
        Assert.Contains(description.Quotas, q => q.Name == "rate-limit:Light");
    }

    [Fact]
    public void DependencyInjectionExtensionIsGenerated()
    {
        var extensions = _zoom.Assembly.Type("Zoom.Meetings.ZoomMeetingsClientServiceCollectionExtensions");
        var method = extensions.GetMethod("AddZoomMeetingsClient", BindingFlags.Public | BindingFlags.Static)!;

        Assert.Equal(new[] { "services", "configure" }, method.GetParameters().Select(p => p.Name));
        Assert.True(method.GetParameters()[1].IsOptional);
    }

    [Fact]
    public void ClientResolvesFromDependencyInjectionAndStillValidatesBeforeSending()
    {
        var outcome = _zoom.Probe("ResolveFromDependencyInjectionAndSendInvalid");

        Assert.StartsWith("ZoomMeetingsClient: agenda:", outcome);
        Assert.Contains("maxLength", outcome);
    }
}
