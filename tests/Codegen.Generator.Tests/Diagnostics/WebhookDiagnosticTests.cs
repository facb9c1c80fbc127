using Codegen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Codegen.Generator.Tests.Diagnostics.DiagnosticAssert;

namespace Codegen.Generator.Tests.Diagnostics;

/// <summary>Webhooks and callbacks are not generated, and say so once each (CG0019, informational) where declared.</summary>
public sealed class WebhookDiagnosticTests
{
    [Fact]
    public void EachWebhookIsOneCG0019InfoAtItsName()
    {
        var diagnostics = Run("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths: {}
            webhooks:
              meetingStarted:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object}
                  responses: {'200': {description: ok}}
                put:
                  responses: {'200': {description: ok}}
              meetingEnded:
                post:
                  responses: {'200': {description: ok}}
            """);

        var webhooks = diagnostics.Where(d => d.Id == "CG0019").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.Equal(2, webhooks.Count);
        Assert.All(webhooks, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(4, webhooks[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("webhook 'meetingStarted' is not generated", webhooks[0].GetMessage());
        Assert.Equal(13, webhooks[1].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("requests the API sends to you", webhooks[1].GetMessage());
    }

    [Fact]
    public void EachCallbackIsOneCG0019AtItsNameAndTheOperationStillGenerates()
    {
        var result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/hooks.yaml", """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /subscriptions:
                post:
                  operationId: subscribe
                  responses: {'204': {description: ok}}
                  callbacks:
                    onEvent:
                      '{$request.body#/url}':
                        post:
                          responses: {'200': {description: ok}}
                    onCancel:
                      '{$request.body#/url}/cancel':
                        post:
                          responses: {'200': {description: ok}}
            """, "Tests.Hooks", "HooksClient") });

        var callbacks = result.GeneratorDiagnostics.Where(d => d.Id == "CG0019").ToList();
        Assert.Equal(2, callbacks.Count);
        var onEvent = Assert.Single(callbacks, d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == 9);
        Assert.Equal(8, onEvent.Location.GetLineSpan().StartLinePosition.Character);
        Assert.Contains("callback 'onEvent' of 'POST /subscriptions' is not generated", onEvent.GetMessage());
        Assert.Contains(callbacks, d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == 13);
        Assert.Contains(result.Sources, s => s.HintName == "HooksClient.SubscribeAsync.g.cs");
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void SpecWithoutWebhooksOrCallbacksHasNoCG0019()
    {
        var diagnostics = Run("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses: {'204': {description: ok}}\n");

        Assert.DoesNotContain(diagnostics, d => d.Id == "CG0019");
    }
}
