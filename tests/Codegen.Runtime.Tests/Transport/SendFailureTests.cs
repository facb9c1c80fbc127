using Xunit;
using System.Net;
using System.Net.Sockets;
using Codegen.Runtime.Errors;
using Microsoft.AspNetCore.Http;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>Timeouts, lost connections, refused connections and cancellation: what may be re-sent and what never is.</summary>
public sealed class SendFailureTests : IDisposable
{
    private readonly TransportHarness _harness = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _release.TrySetResult();
        _harness.Dispose();
    }

    [Fact]
    public async Task PostThatTimesOutAfterSendingIsOutcomeUnknownAndSentExactlyOnce()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            received.TrySetResult();
            await _release.Task.WaitAsync(context.RequestAborted); // the server holds the answer
        });
        var invoker = _harness.Create(server.BaseAddress, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var call = invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);
        await received.Task;
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => call);

        Assert.Equal(1, server.RequestCount);
        Assert.Equal("createMeeting", error.OperationId);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Empty(_harness.Delays);
        Assert.Equal(1, _harness.Quota.Acquired);
        Assert.Equal(0, _harness.Quota.Returned); // it may have been processed: the permit stays used
    }

    [Fact]
    public async Task PostWhoseConnectionIsLostAfterSendingIsOutcomeUnknownAndSentOnce()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) =>
        {
            context.Abort(); // the request was read, then the connection drops without an answer
            return Task.CompletedTask;
        });
        var invoker = _harness.Create(server.BaseAddress);

        var error = await Assert.ThrowsAsync<OutcomeUnknownException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(1, server.RequestCount);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Empty(_harness.Delays);
        Assert.Equal(0, _harness.Quota.Returned);
    }

    [Fact]
    public async Task PostOnAReusedConnectionThatDropsIsSentOnce()
    {
        // The handler below the invoker may retry by itself on a pooled connection that dies before any answer byte;
        // that would duplicate a POST without the invoker knowing. This checks it does not happen.
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                return context.WriteJsonAsync(200, TestApi.MeetingJson);
            }
            context.Abort();
            return Task.CompletedTask;
        });
        var invoker = _harness.Create(server.BaseAddress);
        await invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read); // leaves a pooled connection

        await Assert.ThrowsAsync<OutcomeUnknownException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task GetThatTimesOutIsRetried()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, number) =>
        {
            if (number == 1)
            {
                received.TrySetResult();
                await _release.Task.WaitAsync(context.RequestAborted);
                return;
            }
            await context.WriteJsonAsync(200, TestApi.MeetingJson);
        });
        var invoker = _harness.Create(server.BaseAddress, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(10));

        var call = invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read);
        await received.Task;
        _harness.Time.Advance(TimeSpan.FromSeconds(10));
        var meeting = await call;

        Assert.Equal(85746065432, meeting.Id);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal([TimeSpan.FromSeconds(1)], _harness.Delays);
    }

    [Fact]
    public async Task ConnectionRefusedBeforeSendingIsRetriedEvenForAPost()
    {
        int port = FreeLoopbackPort();
        LoopbackServer? server = null;
        _harness.OnDelay = async _ =>
        {
            // Nothing listened during the first attempt; the server comes up while the client waits to retry.
            server ??= await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(201, TestApi.MeetingJson), port);
        };
        var invoker = _harness.Create(new Uri($"http://127.0.0.1:{port}/v2/"));
        try
        {
            var meeting = await invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read);

            Assert.Equal(85746065432, meeting.Id);
            Assert.Equal(1, server!.RequestCount);
            Assert.Equal("/v2/users/me/meetings", server.Requests[0].PathAndQuery);
            Assert.Single(_harness.Delays);
            Assert.Equal(2, _harness.Quota.Acquired);
            Assert.Equal(1, _harness.Quota.Returned); // the refused attempt surely was not sent
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ConnectionRefusedOnEveryAttemptSurfacesTheConnectionError()
    {
        int port = FreeLoopbackPort();
        var invoker = _harness.Create(new Uri($"http://127.0.0.1:{port}/"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(TestApi.CreateMeetingRequest(), TestMeeting.Read));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(2, _harness.Delays.Count);
        Assert.Equal(3, _harness.Quota.Returned);
    }

    [Fact]
    public async Task CancellationByTheCallerIsNeverRetried()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            received.TrySetResult();
            await _release.Task.WaitAsync(context.RequestAborted);
        });
        var invoker = _harness.Create(server.BaseAddress);
        using var cancellation = new CancellationTokenSource();

        var call = invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read, cancellation.Token);
        await received.Task;
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(1, server.RequestCount);
        Assert.Empty(_harness.Delays);
    }

    [Fact]
    public async Task CancellationDuringARetryWaitEndsTheCall()
    {
        await using var server = await LoopbackServer.StartAsync((context, _) => context.WriteJsonAsync(503, "{}"));
        using var cancellation = new CancellationTokenSource();
        _harness.OnDelay = _ => cancellation.CancelAsync();
        var invoker = _harness.Create(server.BaseAddress);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invoker.SendAsync(TestApi.GetMeetingRequest(), TestMeeting.Read, cancellation.Token));

        Assert.Equal(1, server.RequestCount);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
