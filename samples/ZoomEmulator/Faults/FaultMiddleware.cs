using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using ZoomEmulator.Auth;
using ZoomEmulator.Http;
using ZoomEmulator.Inspection;

namespace ZoomEmulator.Faults;

/// <summary>
/// Front door for API (<c>/v2/</c>) and token (<c>/oauth/token</c>) requests: records each in the request log, applies
/// an armed fault, and checks the bearer token of API calls. Faults act before the bearer check, like a proxy in
/// front of Zoom. Admin requests (<c>/_emulator/</c>) pass through untouched.
/// </summary>
internal sealed class FaultMiddleware(EmulatorState state, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        FaultScope? scope = path.StartsWithSegments("/v2") ? FaultScope.Api
            : path.StartsWithSegments("/oauth/token") ? FaultScope.Token
            : null;
        if (scope is null)
        {
            await next(context);
            return;
        }

        var arrivedAt = state.Clock.GetUtcNow();
        var dropped = false;
        // The log entry is written before the client can see the answer (when the response starts, or just before a
        // connection is dropped), so a test that inspects the log right after its call returns never races it.
        var logged = 0;
        void Log(bool wasDropped)
        {
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                state.Log.Add(new EmulatorRequest(arrivedAt, context.Request.Method, path.Value ?? "", context.Response.StatusCode, wasDropped));
            }
        }
        context.Response.OnStarting(() =>
        {
            Log(false);
            return Task.CompletedTask;
        });
        try
        {
            var fault = state.Faults.TakeFor(scope.Value);
            switch (fault?.Kind)
            {
                case FaultKind.FailWithStatus:
                    await JsonResponses.WriteZoomErrorAsync(context, fault.StatusCode, fault.StatusCode, "Injected failure.");
                    break;
                case FaultKind.ServiceUnavailable:
                    context.Response.Headers.RetryAfter =
                        ((long)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    await JsonResponses.WriteZoomErrorAsync(context, 503, 503, "Service Unavailable.");
                    break;
                case FaultKind.DropConnection:
                    dropped = await ProcessThenDropAsync(context, scope.Value, next, () => Log(true));
                    break;
                case FaultKind.Delay:
                    await ProcessThenDelayAsync(context, scope.Value, next, fault, arrivedAt);
                    break;
                default:
                    await ProcessAsync(context, scope.Value, next);
                    break;
            }
        }
        finally
        {
            Log(dropped);
        }
    }

    private async Task ProcessAsync(HttpContext context, FaultScope scope, RequestDelegate next)
    {
        if (scope == FaultScope.Api && !await BearerCheck.AuthorizeAsync(context, state.Tokens))
        {
            return;
        }

        await next(context);
    }

    /// <summary>Reads the whole body, lets the request take effect, then aborts the connection without answering.</summary>
    private async Task<bool> ProcessThenDropAsync(HttpContext context, FaultScope scope, RequestDelegate next, Action logDropped)
    {
        context.Request.EnableBuffering();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Request.Body.Position = 0;

        await WithBufferedResponseAsync(context, () => ProcessAsync(context, scope, next));
        logDropped();
        context.Abort();
        return true;
    }

    /// <summary>Lets the request take effect, then holds the answer back before sending it. On the emulator's clock the
    /// answer is due at arrival + delay, so a test that moves a fake clock after the request arrived releases it
    /// whether or not the wait had already begun.</summary>
    private async Task ProcessThenDelayAsync(
        HttpContext context, FaultScope scope, RequestDelegate next, InjectedFault fault, DateTimeOffset arrivedAt)
    {
        var answer = await WithBufferedResponseAsync(context, () => ProcessAsync(context, scope, next));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            if (fault.DelayUsesTimeProvider)
            {
                await WaitUntilAsync(state.Clock, arrivedAt + fault.Delay, cancel.Token);
            }
            else
            {
                await Task.Delay(fault.Delay, cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return;
        }

        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>
    /// Waits until <paramref name="clock"/> reaches <paramref name="due"/>. The timer is armed first and the clock read
    /// again afterwards: a clock moved between reading it and arming the timer would otherwise push the timer's due time
    /// past <paramref name="due"/> and strand the answer.
    /// </summary>
    private static async Task WaitUntilAsync(TimeProvider clock, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(static s => ((TaskCompletionSource)s!).TrySetResult(), reached, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var remaining = due - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }
        timer.Change(remaining, Timeout.InfiniteTimeSpan);
        if (clock.GetUtcNow() >= due)
        {
            return;
        }
        using var registration = cancellationToken.Register(static s => ((TaskCompletionSource)s!).TrySetCanceled(), reached);
        await reached.Task;
    }

    /// <summary>Runs <paramref name="process"/> with the response body captured in memory; returns what it wrote.</summary>
    private static async Task<byte[]> WithBufferedResponseAsync(HttpContext context, Func<Task> process)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await process();
        }
        finally
        {
            context.Features.Set(original);
        }

        return buffer.ToArray();
    }
}
