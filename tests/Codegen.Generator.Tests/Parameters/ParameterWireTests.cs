namespace Codegen.Generator.Tests.Parameters;

/// <summary>
/// What a generated client puts on the wire for every parameter style × explode × shape, seen by a real loopback
/// server as the raw request target and headers (OpenAPI 3.x serialization; escaping exactly once).
/// </summary>
public sealed class ParameterWireTests : IClassFixture<ParameterStylesFixture>, IAsyncLifetime
{
    private readonly ParameterStylesFixture _styles;
    private RecordingServer _server = null!;

    public ParameterWireTests(ParameterStylesFixture styles) => _styles = styles;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("path simple", "/simple/blue/blue,black,brown/blue,black,brown/R,100,G,200,B,150/R=100,G=200,B=150")]
    [InlineData("path label", "/label/.blue/.blue,black,brown/.blue.black.brown/.R,100,G,200,B,150/.R=100.G=200.B=150")]
    [InlineData("path matrix", "/matrix/;p=blue/;a=blue,black,brown/;ax=blue;ax=black;ax=brown/;o=R,100,G,200,B,150/;R=100;G=200;B=150")]
    [InlineData("path escaping", "/matrix/;p=a%3Bb%3Dc/;a=x%2Cy,z%20w/;ax=1%2F2/;o=R,1/;G=2")]
    [InlineData("path union integer", "/meetings/85746065432")]
    [InlineData("path union string", "/meetings/abc%2F1%3D%3D")]
    [InlineData("path type array integer", "/past_meetings/5638296721")]
    [InlineData("path type array string", "/past_meetings/4444AAAiAAAAAiAiAiiAii%3D%3D")]
    [InlineData("path nested falls back to text", "/reports/2024-01")]
    [InlineData("query form primitive", "/query?fp=blue")]
    [InlineData("query form array", "/query?fa=blue%2Cblack%2Cbrown")]
    [InlineData("query form array exploded", "/query?fax=blue&fax=black&fax=brown")]
    [InlineData("query form object", "/query?fo=R%2C100%2CG%2C200%2CB%2C150")]
    [InlineData("query form object exploded", "/query?R=100&G=200&B=150")]
    [InlineData("query form object exploded skips unset members", "/query?G=7")]
    [InlineData("query space delimited array", "/query?sa=blue%20black%20brown")]
    [InlineData("query space delimited array exploded", "/query?sax=blue&sax=black&sax=brown")]
    [InlineData("query pipe delimited array", "/query?pa=blue%7Cblack%7Cbrown")]
    [InlineData("query pipe delimited object", "/query?po=R%7C100%7CG%7C200%7CB%7C150")]
    [InlineData("query deep object", "/query?d%5BR%5D=100&d%5BG%5D=200&d%5BB%5D=150")]
    [InlineData("query deep object map", "/query?dm%5Bname%5D=a%20b&dm%5Btag%5D=x%26y")]
    [InlineData("query integer array", "/query?ids=1%2C2%2C3")]
    [InlineData("query empty array", "/query")]
    [InlineData("query enum", "/query?shade=dark")]
    [InlineData("query date-time", "/query?at=2024-01-02T03%3A04%3A05.0000000%2B00%3A00")]
    [InlineData("query json content", "/query?filter=%7B%22R%22%3A100%2C%22G%22%3A200%2C%22B%22%3A150%7D")]
    [InlineData("query wrong style uses form", "/query?wrong=x%20y")]
    public async Task RequestTargetIsExactlyWhatTheStyleDefines(string scenario, string expectedTarget)
    {
        await _styles.SendAsync(scenario, _server.BaseAddress);

        Assert.Equal(expectedTarget, Assert.Single(_server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("header primitive", "X-Primitive", "blue")]
    [InlineData("header array", "X-Array", "blue,black,brown")]
    [InlineData("header object", "X-Object", "R,100,G,200,B,150")]
    [InlineData("header object exploded", "X-Object-Exploded", "R=100,G=200,B=150")]
    [InlineData("header json content", "X-Json", "[1,2]")]
    [InlineData("cookie primitive", "Cookie", "session=s1")]
    [InlineData("cookie escaped", "Cookie", "session=a%20b%3Bc%2Cd")]
    [InlineData("cookie array", "Cookie", "session=s1; ca=blue%2Cblack%2Cbrown")]
    [InlineData("cookie array exploded", "Cookie", "session=s1; cax=blue; cax=black; cax=brown")]
    [InlineData("cookie object", "Cookie", "session=s1; co=R%2C100%2CG%2C200%2CB%2C150")]
    [InlineData("cookie object exploded", "Cookie", "session=s1; R=100; G=200; B=150")]
    public async Task HeaderIsExactlyWhatTheStyleDefines(string scenario, string header, string expectedValue)
    {
        await _styles.SendAsync(scenario, _server.BaseAddress);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(expectedValue, request.Header(header));
    }

    [Fact]
    public async Task OneCookieHeaderCarriesEveryCookieParameter()
    {
        await _styles.SendAsync("cookie object exploded", _server.BaseAddress);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/cookies", request.RawTarget);
        Assert.DoesNotContain(',', request.Header("Cookie")!);
    }
}
