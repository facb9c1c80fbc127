using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Payloads;
using Stj = Codegen.Benchmarks.Payloads.Stj;

namespace Codegen.Benchmarks.Runtime;

/// <summary>
/// Benchmark 1: the generated reflection-free JSON code vs the System.Text.Json source generator on hand-written types.
/// Both write into the same reused buffer and read from the same UTF-8 bytes. NSwag's generated DTOs (built from
/// specs/zoom-meetings.yaml at build time, default settings: Newtonsoft.Json) are run the way NSwag's client runs
/// them: JsonConvert.SerializeObject to a string for the body, JsonSerializer over a StreamReader for the answer.
/// </summary>
[BenchmarkCategory("Json")]
public class JsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;
    private Zoom.Meetings.CreateMeetingRequest _ours = null!;
    private Stj.CreateMeetingRequest _stj = null!;
    private Bench.NSwagZoom.CreateMeetingRequest _nswag = null!;
    private static readonly Newtonsoft.Json.JsonSerializerSettings NSwagSettings = new();
    private static readonly Newtonsoft.Json.JsonSerializer NSwagSerializer = Newtonsoft.Json.JsonSerializer.Create(NSwagSettings);

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);
        _ours = ZoomPayloads.Request();
        _stj = JsonSerializer.Deserialize(ZoomPayloads.RequestUtf8, Stj.ZoomStjContext.Default.CreateMeetingRequest)!;
        // Both sides must write the same document and read the same answer, or the comparison means nothing.
        var a = JsonNode.Parse(WriteOurs());
        var b = JsonNode.Parse(WriteStj());
        if (!JsonNode.DeepEquals(a, b) || !JsonNode.DeepEquals(a, JsonNode.Parse(ZoomPayloads.RequestJson)))
        {
            throw new InvalidOperationException($"the two request documents differ:\n{a}\n---\n{b}");
        }
        _nswag = Newtonsoft.Json.JsonConvert.DeserializeObject<Bench.NSwagZoom.CreateMeetingRequest>(ZoomPayloads.RequestJson, NSwagSettings)!;
        var c = JsonNode.Parse(SerializeNSwag());
        if (!JsonNode.DeepEquals(a, c))
        {
            Console.WriteLine($"// NSwag's request document differs from ours:\n// {c!.ToJsonString()}");
        }
        if (DeserializeNSwag().Settings?.Global_dial_in_numbers?.Count != 3)
        {
            throw new InvalidOperationException("NSwag did not read the answer completely");
        }
        var meeting = ReadOurs();
        var stjMeeting = ReadStj();
        if (meeting.Settings?.GlobalDialInNumbers?.Count != 3 || stjMeeting.Settings?.GlobalDialInNumbers?.Count != 3
            || meeting.Occurrences?.Count != 10 || stjMeeting.Occurrences?.Count != 10)
        {
            throw new InvalidOperationException("the answer was not read completely");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Json", "Serialize")]
    public long SerializeStj()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonSerializer.Serialize(_writer, _stj, Stj.ZoomStjContext.Default.CreateMeetingRequest);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark, BenchmarkCategory("Json", "Serialize")]
    public long SerializeOurs()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _ours.WriteJson(_writer);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark, BenchmarkCategory("Json", "Serialize")]
    public string SerializeNSwag() => Newtonsoft.Json.JsonConvert.SerializeObject(_nswag, NSwagSettings);

    [Benchmark, BenchmarkCategory("Json", "Deserialize")]
    public Bench.NSwagZoom.Meeting DeserializeNSwag()
    {
        using var stream = new MemoryStream(ZoomPayloads.ResponseUtf8, writable: false);
        using var text = new StreamReader(stream);
        using var json = new Newtonsoft.Json.JsonTextReader(text);
        return NSwagSerializer.Deserialize<Bench.NSwagZoom.Meeting>(json)!;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Json", "Deserialize")]
    public Stj.Meeting DeserializeStj() => ReadStj();

    [Benchmark, BenchmarkCategory("Json", "Deserialize")]
    public Zoom.Meetings.Meeting DeserializeOurs() => ReadOurs();

    private static Stj.Meeting ReadStj() => JsonSerializer.Deserialize(ZoomPayloads.ResponseUtf8, Stj.ZoomStjContext.Default.Meeting)!;

    private static Zoom.Meetings.Meeting ReadOurs() => ZoomPayloads.ReadOurs(ZoomPayloads.ResponseUtf8, Zoom.Meetings.Meeting.ReadJson);

    private string WriteOurs()
    {
        SerializeOurs();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private string WriteStj()
    {
        SerializeStj();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
