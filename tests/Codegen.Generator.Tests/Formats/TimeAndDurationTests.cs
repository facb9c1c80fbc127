using System.Reflection;
using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Formats;

/// <summary>
/// <c>format: time</c> is a <see cref="TimeOnly"/> (the UTC time of day) and <c>format: duration</c> a
/// <see cref="TimeSpan"/> (ISO 8601), in models, JSON and parameter text.
/// </summary>
public sealed class TimeAndDurationTests : IDisposable
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: Slots, version: '1'}
        paths:
          /slots/{at}:
            get:
              operationId: getSlot
              parameters:
                - {name: at, in: path, required: true, schema: {type: string, format: time}}
                - {name: within, in: query, schema: {type: string, format: duration}}
              responses:
                '200':
                  description: the slot
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Slot'}
        components:
          schemas:
            Slot:
              type: object
              required: [start, length]
              properties:
                start: {type: string, format: time}
                length: {type: string, format: duration}
                ends: {type: [string, 'null'], format: time}
                pauses:
                  type: array
                  items: {type: string, format: duration}
        """;

    private const string Harness = """
        using System.Text;
        using System.Text.Json;
        using Tests.Slots;

        namespace TestHarness
        {
            public static class SlotProbe
            {
                public static string RoundTrip(string json)
                {
                    var slot = Read(json);
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        slot.WriteJson(writer);
                    }
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }

                public static string Describe(string json)
                {
                    var slot = Read(json);
                    return string.Join("|",
                        slot.Start.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
                        slot.Length.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                        slot.Ends?.ToString("HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture) ?? "null",
                        slot.Pauses is null ? "null" : string.Join(",", slot.Pauses));
                }

                public static string WireText(int hours, int minutes, int seconds) =>
                    SlotsApiJson.FormatTime(new System.TimeOnly(hours, minutes, seconds)) + " " + SlotsApiJson.FormatDuration(new System.TimeSpan(hours, minutes, seconds));

                private static Slot Read(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    return Slot.ReadJson(ref reader);
                }
            }
        }
        """;

    private readonly GenerationResult _result;
    private readonly LoadedAssembly _assembly;

    public TimeAndDurationTests()
    {
        _result = GeneratorHarness.Run(new[] { InMemoryAdditionalText.Spec("/p/slots.yaml", Spec, "Tests.Slots", "SlotsClient") }, Harness);
        _result.AssertCompilesCleanly();
        _assembly = _result.Load();
    }

    public void Dispose() => _assembly.Dispose();

    private string Probe(string method, params object[] args) => (string)_assembly.Call("TestHarness.SlotProbe", method, args)!;

    [Fact]
    public void TimeIsTimeOnlyAndDurationIsTimeSpanInModelsAndParameters()
    {
        var slot = _result.Source("SlotsClient.Slot.g.cs");
        Assert.Contains("public required global::System.TimeOnly Start { get; init; }", slot);
        Assert.Contains("public required global::System.TimeSpan Length { get; init; }", slot);
        Assert.Contains("global::System.TimeOnly? Ends", slot);
        Assert.Contains("IReadOnlyList<global::System.TimeSpan>? Pauses", slot);
        var operation = _result.Source("SlotsClient.GetSlotAsync.g.cs");
        Assert.Contains("GetSlotAsync(global::System.TimeOnly at, global::System.TimeSpan? within = null", operation);
    }

    [Fact]
    public void TimesAndDurationsRoundTripThroughGeneratedJson()
    {
        const string json = """{"start":"08:30:00Z","length":"P1DT2H30M","ends":"17:05:30.25Z","pauses":["PT15M","PT0.5S"]}""";

        Assert.Equal(json, Probe("RoundTrip", json));
        Assert.Equal("08:30:00.0000000|1.02:30:00|17:05:30.2500000|00:15:00,00:00:00.5000000", Probe("Describe", json));
    }

    [Fact]
    public void TimeWithAnOffsetIsReadAsTheUtcTimeOfDayWrappingPastMidnight()
    {
        Assert.Equal("08:30:00.0000000|00:00:01|03:00:00.0000000|null", Probe("Describe", """{"start":"10:30:00+02:00","length":"PT1S","ends":"22:00:00-05:00"}"""));
        Assert.Equal("""{"start":"08:30:00Z","length":"PT1S"}""", Probe("RoundTrip", """{"start":"10:30:00+02:00","length":"PT1S"}"""));
    }

    [Fact]
    public void TimeWithoutAnOffsetIsTakenAsUtcAndWrittenWithZ()
    {
        Assert.Equal("""{"start":"09:15:00Z","length":"P2D","ends":null}""", Probe("RoundTrip", """{"start":"09:15:00","length":"P2D","ends":null}"""));
    }

    [Theory]
    [InlineData("""{"start":"25:00:00Z","length":"PT1S"}""")]
    [InlineData("""{"start":"10:00:00+24:00","length":"PT1S"}""")]
    [InlineData("""{"start":"ten o'clock","length":"PT1S"}""")]
    [InlineData("""{"start":"10:00:00Z","length":"1 hour"}""")]
    public void MalformedTimeOrDurationIsAFormatExceptionLikeAMalformedDate(string json)
    {
        var error = Assert.Throws<TargetInvocationException>(() => Probe("Describe", json));

        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void PathAndQueryTextUseTheSameFormsAsJson()
    {
        var operation = _result.Source("SlotsClient.GetSlotAsync.g.cs");
        Assert.Contains("global::Tests.Slots.SlotsApiJson.FormatTime(at)", operation);
        Assert.Contains("global::Tests.Slots.SlotsApiJson.FormatDuration(", operation);
        Assert.Equal("01:30:05Z PT1H30M5S", Probe("WireText", 1, 30, 5));
    }
}
