using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary>Bad quota extensions are located errors (CG0008–CG0011); the rest of the spec still generates.</summary>
public sealed class QuotaDiagnosticTests
{
    private static string Spec(string labels, string operationExtensions) =>
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n" + labels + """
        paths:
          /users/{userId}/things:
            post:
              operationId: createThing
              parameters: [{name: userId, in: path, required: true, schema: {type: string}}]

        """ + operationExtensions + """
              responses: {'204': {description: ok}}
          /users/{userId}/other:
            put:
              operationId: updateThing
              parameters: [{name: userId, in: path, required: true, schema: {type: string}}]
              x-codegen-quota: {name: shared, limit: 5, window: utc-day, partition: {parameter: userId}}
              responses: {'204': {description: ok}}
        """;

    private const string Labels = """
        x-codegen-rate-limit-labels:
          Medium:
            window: fixed
            period: PT1S
            plans: {Free: 2, Pro: 20}
            defaultPlan: Pro

        """;

    [Fact]
    public void LimitBelowOneIsCG0008AtTheLimit()
    {
        var diagnostics = Run(Spec(Labels, "      x-codegen-quota: {name: q, limit: 0, window: utc-day}\n"));

        var d = Single(diagnostics, "CG0008", 14, 34);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("limit", d.GetMessage());
    }

    [Fact]
    public void FixedWindowWithoutPeriodIsCG0008()
    {
        var diagnostics = Run(Spec(Labels, "      x-codegen-quota:\n        name: q\n        limit: 3\n        window: rolling\n"));

        Single(diagnostics, "CG0008", 17, 9);
    }

    [Fact]
    public void LabelWithUnknownDefaultPlanIsCG0008AtTheDefaultPlan()
    {
        var labels = Labels.Replace("defaultPlan: Pro", "defaultPlan: Enterprise");

        var diagnostics = Run(Spec(labels, "      x-codegen-rate-limit-label: Medium\n"));

        Assert.Contains("Enterprise", Single(diagnostics, "CG0008", 8, 5).GetMessage());
    }

    [Fact]
    public void SameQuotaNameWithDifferentLimitIsCG0009AtTheLaterDeclaration()
    {
        var diagnostics = Run(Spec(Labels, "      x-codegen-quota: {name: shared, limit: 6, window: utc-day, partition: {parameter: userId}}\n"));

        var d = Single(diagnostics, "CG0009", 20, 7);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("shared", d.GetMessage());
    }

    [Fact]
    public void UnknownLabelIsCG0010AtTheLabel()
    {
        var diagnostics = Run(Spec(Labels, "      x-codegen-rate-limit-label: Heavy\n"));

        Assert.Contains("Heavy", Single(diagnostics, "CG0010", 14, 7).GetMessage());
    }

    [Fact]
    public void PartitionByAnUnknownParameterIsCG0011AtTheParameter()
    {
        var diagnostics = Run(Spec(Labels, "      x-codegen-quota:\n        name: q\n        limit: 3\n        window: utc-day\n        partition:\n          parameter: accountId\n"));

        Assert.Contains("accountId", Single(diagnostics, "CG0011", 19, 11).GetMessage());
    }

    [Fact]
    public void ValidQuotasBecomePoliciesInOperationOrder()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/q.yaml",
            Spec(Labels, "      x-codegen-rate-limit-label: Medium\n      x-codegen-quota:\n        - {name: shared, limit: 5, window: utc-day, partition: {parameter: userId}}\n        - {name: hourly, limit: 50, window: rolling, period: PT1H}\n"),
            "Tests.Quota", "QuotaClient") });

        Assert.Empty(result.GeneratorDiagnostics);
        var create = result.Source("QuotaClient.CreateThingAsync.g.cs");
        Assert.Contains("new string[] { \"shared\", \"hourly\", \"rate-limit:Medium\" }", create);
        Assert.Contains("request.SetPartitionValue(\"userId\", userId);", create);
        var description = result.Source("QuotaClient.QuotaApi.g.cs");
        Assert.Contains("Window = global::Codegen.Runtime.Quotas.QuotaWindowKind.Rolling,", description);
        Assert.Contains("Period = global::System.TimeSpan.FromSeconds(3600),", description);
        Assert.True(description.IndexOf("\"shared\"", StringComparison.Ordinal) < description.IndexOf("\"hourly\"", StringComparison.Ordinal));
        result.AssertCompilesCleanly();
    }
}
