using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Codegen.Runtime.Diagnostics;

/// <summary>
/// The runtime's one <see cref="System.Diagnostics.Metrics.Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>,
/// both named <c>Codegen.Runtime</c>. Instruments are created next to the code that records them.
/// </summary>
public static class CodegenTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Codegen.Runtime";

    /// <summary>The runtime's meter: permits, refusals, retries, token refreshes, store failures.</summary>
    public static Meter Meter { get; } = new(Name, "1.0.0");

    /// <summary>The runtime's activity source: one span per API call.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, "1.0.0");
}
