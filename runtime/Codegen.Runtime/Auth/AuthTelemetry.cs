using System.Diagnostics.Metrics;
using Codegen.Runtime.Diagnostics;

namespace Codegen.Runtime.Auth;

/// <summary>The auth instruments: token requests by outcome.</summary>
internal static class AuthTelemetry
{
    public static readonly Counter<long> TokenRefreshes = CodegenTelemetry.Meter.CreateCounter<long>(
        "codegen.auth.token_refreshes", unit: "{request}", description: "Access-token requests sent to a token endpoint, by outcome.");
}
