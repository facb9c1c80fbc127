using System.Text.Json;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>A meeting as the tests' server returns it.</summary>
internal sealed record TestMeeting(long Id, string Topic)
{
    public static TestMeeting Read(ref Utf8JsonReader reader)
    {
        long id = 0;
        string topic = string.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "id") id = reader.GetInt64();
            else if (name == "topic") topic = reader.GetString()!;
            else reader.Skip();
        }
        return new TestMeeting(id, topic);
    }
}

internal static class TestApi
{
    public static readonly ApiDescription Description = new("TestZoom", null);

    public static readonly ApiOperation CreateMeeting = new("createMeeting", HttpMethod.Post, "/users/{userId}/meetings", ["meeting-create-update"]);

    public static readonly ApiOperation GetMeeting = new("getMeeting", HttpMethod.Get, "/meetings/{meetingId}");

    public static ApiRequest CreateMeetingRequest(string userId = "me")
    {
        var request = new ApiRequest(CreateMeeting, $"users/{Uri.EscapeDataString(userId)}/meetings");
        request.SetPartitionValue("userId", userId);
        request.SetJsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("topic", "Standup");
            writer.WriteEndObject();
        });
        return request;
    }

    public static ApiRequest GetMeetingRequest(long id = 42) => new(GetMeeting, $"meetings/{id}");

    public const string MeetingJson = """{"id":85746065432,"topic":"Standup","start_url":"https://zoom.us/s/85746065432?zak=eyJzaWduZWQ","join_url":"https://zoom.us/j/85746065432?pwd=joinpass1"}""";
}

/// <summary>A quota double: counts permits taken and given back, records feedback, can refuse.</summary>
internal sealed class RecordingQuotaGate : IQuotaGate
{
    private int _acquired;
    private int _returned;

    public int Acquired => Volatile.Read(ref _acquired);

    public int Returned => Volatile.Read(ref _returned);

    public List<(int Status, string? Body)> Observed { get; } = [];

    public QuotaExceededException? RefuseWith { get; set; }

    public ValueTask<IQuotaPermit> AcquireAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (RefuseWith is { } refusal)
        {
            throw refusal;
        }
        Interlocked.Increment(ref _acquired);
        return ValueTask.FromResult<IQuotaPermit>(new Permit(this));
    }

    public ValueTask ObserveResponseAsync(ApiRequest request, HttpResponseMessage response, string? body, CancellationToken cancellationToken)
    {
        lock (Observed)
        {
            Observed.Add(((int)response.StatusCode, body));
        }
        return ValueTask.CompletedTask;
    }

    private sealed class Permit(RecordingQuotaGate gate) : IQuotaPermit
    {
        public ValueTask ReturnAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref gate._returned);
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// Builds invokers over a real <see cref="HttpClient"/> with a fake clock. Requested retry delays are recorded and
/// "waited" by advancing the fake clock, so nothing sleeps.
/// </summary>
internal sealed class TransportHarness : IDisposable
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public List<TimeSpan> Delays { get; } = [];

    public Func<TimeSpan, Task>? OnDelay { get; set; }

    public RecordingQuotaGate Quota { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public ILoggerFactory LoggerFactory => _loggerFactory ??= Microsoft.Extensions.Logging.LoggerFactory.Create(
        builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));

    private ILoggerFactory? _loggerFactory;

    public HttpClient Http => _http ??= new(new SafeRedirectHandler(new SocketsHttpHandler { AllowAutoRedirect = false }, logger: LoggerFactory.CreateLogger<SafeRedirectHandler>()))
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private HttpClient? _http;

    public ApiInvoker Create(Uri baseAddress, IAccessTokenProvider? tokens = null, Action<ApiClientOptions>? configure = null, bool withQuota = true)
    {
        var options = new ApiClientOptions { BaseAddress = baseAddress };
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        configure?.Invoke(options);
        return new ApiInvoker(Http, TestApi.Description, options, tokens, withQuota ? Quota : null, Time, LoggerFactory, DelayAsync, static () => 1.0);
    }

    /// <summary>An invoker over the real quota limiter instead of the recording double.</summary>
    public ApiInvoker Create(Uri baseAddress, QuotaLimiter limiter, IAccessTokenProvider? tokens = null)
    {
        var options = new ApiClientOptions { BaseAddress = baseAddress };
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        return new ApiInvoker(Http, TestApi.Description, options, tokens, new LimiterQuotaGate(limiter), Time, LoggerFactory, DelayAsync, static () => 1.0);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Delays)
        {
            Delays.Add(delay);
        }
        Time.Advance(delay);
        if (OnDelay is { } onDelay)
        {
            await onDelay(delay);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        _http?.Dispose();
        _loggerFactory?.Dispose();
        Logs.Dispose();
    }
}
