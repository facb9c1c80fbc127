using Microsoft.Extensions.Logging;

namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>Once per call: a logging scope naming the client and the operation, so every line of the call carries them.</summary>
internal sealed class LoggingScopeStep(string clientName, ILogger logger) : PipelineStep
{
    public override async ValueTask ProcessAsync(ApiCall call, PipelineNext next)
    {
        using var scope = logger.BeginScope(new KeyValuePair<string, object>[]
        {
            new("CodegenClient", clientName),
            new("OperationId", call.Operation.OperationId),
        });
        await next.InvokeAsync(call).ConfigureAwait(false);
    }
}
