namespace Codegen.Runtime.Transport.Pipeline;

/// <summary>
/// One small step of the request pipeline (Azure.Core-style policy). A step does its part, calls
/// <see cref="PipelineNext.InvokeAsync"/> to run the rest, and may look at the answer on the way back.
/// </summary>
internal abstract class PipelineStep
{
    public abstract ValueTask ProcessAsync(ApiCall call, PipelineNext next);
}

/// <summary>The steps after the current one.</summary>
internal readonly struct PipelineNext(ReadOnlyMemory<PipelineStep> rest)
{
    public ValueTask InvokeAsync(ApiCall call) =>
        rest.IsEmpty ? ValueTask.CompletedTask : rest.Span[0].ProcessAsync(call, new PipelineNext(rest[1..]));
}
