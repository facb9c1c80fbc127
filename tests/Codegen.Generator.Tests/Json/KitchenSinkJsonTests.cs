using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Json;

/// <summary>Every value kind the JSON emitter supports survives a read and a write unchanged.</summary>
public sealed class KitchenSinkJsonTests : IDisposable
{
    private const string Harness = """
        using System.Text;
        using System.Text.Json;
        using Tests.Sink;

        namespace TestHarness
        {
            public static class SinkProbe
            {
                public static string RoundTripItem(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var item = Item.ReadJson(ref reader);
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        item.WriteJson(writer);
                    }
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }

                public static string DescribeItem(string json)
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var item = Item.ReadJson(ref reader);
                    return string.Join("|", item.Status, item.Priority, item.Price?.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), item.Created?.Offset, item.Blob?.Length, item.Matrix?[0][1], item.Labels?["k"], item.History?[0].By ?? "null");
                }
            }
        }
        """;

    private readonly LoadedAssembly _assembly;

    public KitchenSinkJsonTests()
    {
        var result = GeneratorHarness.Run(new[] { Specs.KitchenSink() }, Harness);
        result.AssertCompilesCleanly();
        _assembly = result.Load();
    }

    public void Dispose() => _assembly.Dispose();

    private const string FullItem =
        """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","item":"x","class":"c","event-type":"e","$ref-like":3,"2fa":true,"note":null,"price":12.50,"created":"2026-01-02T03:04:05Z","day":"2026-01-02","blob":"AQID","link":"https://example.test/a?b=1","secret":"s3","token":"t0","status":"H.323","priority":-1,"labels":{"k":"v","k2":"v2"},"history":[{"at":"2026-01-02T03:04:05.5Z"},{"by":"me"}],"matrix":[[1,2],[3],[]],"extra":{"any":[1,"two",null]}}""";

    [Fact]
    public void EveryValueKindRoundTripsByteForByte()
    {
        var written = (string)_assembly.Call("TestHarness.SinkProbe", "RoundTripItem", FullItem)!;

        Assert.Equal(FullItem, written);
    }

    [Fact]
    public void ValuesAreReadIntoTheirCSharpTypes()
    {
        var description = (string)_assembly.Call("TestHarness.SinkProbe", "DescribeItem", FullItem)!;

        Assert.Equal("H323|Negative1|12.50|2026-01-02|00:00:00|3|2|v|null", description);
    }

    [Fact]
    public void RequiredNullablePropertyIsWrittenAsNullAndOptionalNullsAreLeftOut()
    {
        var written = (string)_assembly.Call("TestHarness.SinkProbe", "RoundTripItem",
            """{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","item":"x","class":"c","note":null,"price":null}""")!;

        Assert.Equal("""{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","item":"x","class":"c","note":null}""", written);
    }
}
