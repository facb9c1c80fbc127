using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Payloads;
using Codegen.Runtime.Auth;
using Codegen.Runtime.Quotas;
using Codegen.Runtime.Transport;
using Stj = Codegen.Benchmarks.Payloads.Stj;

namespace Codegen.Benchmarks.Runtime;

/// <summary>
/// Benchmark 3: one CreateMeetingAsync through the generated client and the runtime pipeline (static bearer token; no
/// quota, or an in-memory quota with huge limits) vs the same call hand-written with HttpClient + System.Text.Json
/// source generation. Same in-memory handler answering a canned 201 for both.
/// </summary>
[BenchmarkCategory("Client")]
public class ClientBenchmarks
{
    private static readonly Uri BaseAddress = new("https://api.zoom.example/v2/");
    private Zoom.Meetings.ZoomMeetingsClient _ours = null!;
    private Zoom.Meetings.ZoomMeetingsClient _oursWithQuota = null!;
    private HttpClient _handWritten = null!;
    private InMemoryQuotaStore _store = null!;
    private Zoom.Meetings.CreateMeetingRequest _request = null!;
    private Stj.CreateMeetingRequest _stjRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = ZoomPayloads.Request();
        _stjRequest = System.Text.Json.JsonSerializer.Deserialize(ZoomPayloads.RequestUtf8, Stj.ZoomStjContext.Default.CreateMeetingRequest)!;
        var handler = new CannedHandler(ZoomPayloads.ResponseUtf8);
        var token = new StaticBearerTokenProvider("bench-token");

        _ours = new Zoom.Meetings.ZoomMeetingsClient(new ApiInvoker(NewClient(handler), Zoom.Meetings.ZoomMeetingsApi.Description, Options(), token));

        var options = Options();
        options.Quotas.SetLimit("meeting-create-update", 1_000_000_000).SetLimit("rate-limit:Medium", 1_000_000_000);
        _store = new InMemoryQuotaStore();
        var limiter = new QuotaLimiter(Zoom.Meetings.ZoomMeetingsApi.Description, _store, options.Quotas, TimeProvider.System);
        _oursWithQuota = new Zoom.Meetings.ZoomMeetingsClient(new ApiInvoker(NewClient(handler), Zoom.Meetings.ZoomMeetingsApi.Description, options, token, limiter));

        _handWritten = new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseAddress };
        _handWritten.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-token");

        var a = Ours().GetAwaiter().GetResult();
        var sentOurs = handler.BytesReceived;
        var b = HandWritten().GetAwaiter().GetResult();
        var c = OursWithQuota().GetAwaiter().GetResult();
        if (a.Id != b.Id || c.Id != a.Id || sentOurs == 0 || handler.BytesReceived == 0)
        {
            throw new InvalidOperationException("the calls did not round-trip");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<Stj.Meeting> HandWritten()
    {
        using var content = JsonContent.Create(_stjRequest, Stj.ZoomStjContext.Default.CreateMeetingRequest);
        using var response = await _handWritten.PostAsync("users/me/meetings", content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(Stj.ZoomStjContext.Default.Meeting).ConfigureAwait(false))!;
    }

    [Benchmark]
    public Task<Zoom.Meetings.Meeting> Ours() => _ours.CreateMeetingAsync("me", _request);

    [Benchmark]
    public Task<Zoom.Meetings.Meeting> OursWithQuota() => _oursWithQuota.CreateMeetingAsync("me", _request);

    private static HttpClient NewClient(HttpMessageHandler handler) =>
        new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    private static ApiClientOptions Options() => new() { BaseAddress = BaseAddress };
}
