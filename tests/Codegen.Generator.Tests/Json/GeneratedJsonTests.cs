using System.Reflection;
using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Json;

public sealed class GeneratedJsonTests : IClassFixture<ZoomClientFixture>
{
    private readonly ZoomClientFixture _zoom;

    public GeneratedJsonTests(ZoomClientFixture zoom) => _zoom = zoom;

    private static string Example(string name) => File.ReadAllText(RepositoryPaths.TestFile("Examples", name)).Trim();

    [Fact]
    public void FullCreateMeetingRequestRoundTripsByteForByte()
    {
        var json = Example("create-meeting-request.json");

        var written = _zoom.Probe("RoundTripCreateMeetingRequest", json);

        Assert.Equal(json, written);
    }

    [Fact]
    public void HandWrittenCreateMeetingRequestIsValid()
    {
        Assert.Equal("", _zoom.Probe("ValidateCreateMeetingRequest", Example("create-meeting-request.json")));
    }

    [Fact]
    public void MeetingWithUnknownEnumValuesAndPropertiesReadsWithoutThrowing()
    {
        var description = _zoom.Probe("DescribeMeeting", Example("meeting-response-unknown-values.json"));

        // Integer enums keep an unknown number (type 99, jbh_time 7); string enums read as 0, which names no member.
        Assert.Equal("92674392836|99|0|0|0|7|True|Last|1|2026-03-31T12:02:00.0000000+00:00|Weekly sync", description);
    }

    [Fact]
    public void ReadingSkipsUnknownPropertiesWhereverTheyAppear()
    {
        var json = """{"x":{"a":[1,{"b":null}]},"id":1,"y":[[]],"topic":"T","z":"s"}""";

        Assert.Equal("1|null|null|null|null|null|||||T", _zoom.Probe("DescribeMeeting", json));
    }

    [Fact]
    public void MissingRequiredPropertyIsAClearJsonError()
    {
        var error = Assert.Throws<TargetInvocationException>(() => _zoom.Probe("DescribeMeeting", """{"topic":"no id"}"""));

        Assert.Equal("JsonException", error.InnerException!.GetType().Name);
        Assert.Contains("'id'", error.InnerException.Message);
    }

    [Fact]
    public void SecretsAreMaskedInToString()
    {
        var text = _zoom.Probe("MeetingToString", Example("meeting-response-unknown-values.json"));

        Assert.Contains("Topic = Weekly sync", text);
        Assert.Contains("StartUrl = ***", text);
        Assert.Contains("Password = ***", text);
        Assert.DoesNotContain("zak=secret", text);
        Assert.DoesNotContain("a1@_*-", text);
        Assert.DoesNotContain("123456", text);
    }

    [Fact]
    public void EscapedStringsAreUnescapedWhenRead()
    {
        var json = """{"topic":"caf\u00e9 \"quoted\"","agenda":"a\/b"}""";

        var written = _zoom.Probe("RoundTripCreateMeetingRequest", json);

        Assert.Contains("caf\\u00E9 \\u0022quoted\\u0022", written);
        Assert.Contains("\"agenda\":\"a/b\"", written);
    }
}
