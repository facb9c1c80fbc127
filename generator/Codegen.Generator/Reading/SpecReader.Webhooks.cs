using System;
using System.Collections.Generic;
using System.Linq;
using Codegen.Generator.Diagnostics;
using Microsoft.OpenApi;

namespace Codegen.Generator.Reading;

/// <summary>
/// Webhooks (3.1) and operation callbacks describe requests the API sends to the user's server, so a client has
/// nothing to call. They are not generated; each one gets an informational CG0019 where it is declared, so the user
/// learns they exist rather than finding them silently missing.
/// </summary>
internal sealed partial class SpecReader
{
    private void ReportWebhooksAndCallbacks()
    {
        foreach (var webhook in _document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            Report(Descriptors.WebhookNotGenerated, JsonPointer.Append("/webhooks", webhook.Key), "webhook", webhook.Key);
        }
        foreach (var pathEntry in _document.Paths ?? new OpenApiPaths())
        {
            var pathPointer = JsonPointer.Append("/paths", pathEntry.Key);
            foreach (var operation in pathEntry.Value?.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                var method = operation.Key.Method.ToLowerInvariant();
                var callbacksPointer = JsonPointer.Append(pathPointer, method, "callbacks");
                foreach (var callback in (operation.Value.Callbacks ?? new Dictionary<string, IOpenApiCallback>()).OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    Report(Descriptors.WebhookNotGenerated, JsonPointer.Append(callbacksPointer, callback.Key),
                        "callback", callback.Key + "' of '" + method.ToUpperInvariant() + " " + pathEntry.Key);
                }
            }
        }
    }
}
