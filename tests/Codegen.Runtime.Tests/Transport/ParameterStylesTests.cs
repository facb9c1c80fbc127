using Codegen.Runtime.Transport;
using Xunit;

namespace Codegen.Runtime.Tests.Transport;

/// <summary>The runtime side of OpenAPI parameter serialization: layout by style, escaping once, absent values left out.</summary>
public sealed class ParameterStylesTests
{
    private static readonly string[] Colors = ["blue", "black", "brown"];

    private static readonly KeyValuePair<string, string?>[] Rgb = [new("R", "100"), new("G", "200"), new("B", "150")];

    private static ApiRequest NewRequest() => new(new ApiOperation("find", HttpMethod.Get, "/find"), "find");

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "blue,black,brown")]
    [InlineData(ParameterStyle.Simple, true, "blue,black,brown")]
    [InlineData(ParameterStyle.Label, false, ".blue,black,brown")]
    [InlineData(ParameterStyle.Label, true, ".blue.black.brown")]
    [InlineData(ParameterStyle.Matrix, false, ";color=blue,black,brown")]
    [InlineData(ParameterStyle.Matrix, true, ";color=blue;color=black;color=brown")]
    public void PathListFollowsTheStyle(ParameterStyle style, bool explode, string expected) =>
        Assert.Equal(expected, ParameterStyles.Path("color", Colors, style, explode));

    [Theory]
    [InlineData(ParameterStyle.Simple, false, "R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Simple, true, "R=100,G=200,B=150")]
    [InlineData(ParameterStyle.Label, false, ".R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Label, true, ".R=100.G=200.B=150")]
    [InlineData(ParameterStyle.Matrix, false, ";color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Matrix, true, ";R=100;G=200;B=150")]
    public void PathObjectFollowsTheStyle(ParameterStyle style, bool explode, string expected) =>
        Assert.Equal(expected, ParameterStyles.Path("color", Rgb, style, explode));

    [Fact]
    public void PathValuesAreEscapedOnceAndDelimitersStayLiteral()
    {
        Assert.Equal(";a%20b=x%2Cy,%25z", ParameterStyles.Path("a b", new[] { "x,y", "%z" }, ParameterStyle.Matrix, explode: false));
        Assert.Equal(".k%3D=v%2F1", ParameterStyles.Path("o", new KeyValuePair<string, string?>[] { new("k=", "v/1") }, ParameterStyle.Label, explode: true));
        Assert.Equal(";id", ParameterStyles.Path("id", "", ParameterStyle.Matrix));
        Assert.Equal(".a%20b", ParameterStyles.Path("id", "a b", ParameterStyle.Label));
    }

    [Fact]
    public void NullItemsAndMembersAreLeftOutAndEmptyListsAreEmpty()
    {
        Assert.Equal("a,c", ParameterStyles.Path("x", new[] { "a", null, "c" }, ParameterStyle.Simple, explode: false));
        Assert.Equal("G=2", ParameterStyles.Path("x", new KeyValuePair<string, string?>[] { new("R", null), new("G", "2") }, ParameterStyle.Simple, explode: true));
        Assert.Equal("", ParameterStyles.Path("x", Array.Empty<string>(), ParameterStyle.Label, explode: true));
        Assert.Null(ParameterStyles.Header(new string?[] { null }));
        Assert.Null(ParameterStyles.Header(Array.Empty<KeyValuePair<string, string?>>(), explode: true));

        var request = NewRequest();
        ParameterStyles.AddQuery(request, "ids", Array.Empty<string>(), ParameterStyle.Form, explode: false);
        ParameterStyles.AddCookie(request, "ids", Array.Empty<string>(), explode: false);
        Assert.Empty(request.Query);
        Assert.Empty(request.Cookies);
    }

    [Theory]
    [InlineData(ParameterStyle.Form, false, "color=blue,black,brown")]
    [InlineData(ParameterStyle.Form, true, "color=blue&color=black&color=brown")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "color=blue black brown")]
    [InlineData(ParameterStyle.SpaceDelimited, true, "color=blue&color=black&color=brown")]
    [InlineData(ParameterStyle.PipeDelimited, false, "color=blue|black|brown")]
    [InlineData(ParameterStyle.PipeDelimited, true, "color=blue&color=black&color=brown")]
    public void QueryListFollowsTheStyleAndLeavesEscapingToTheTransport(ParameterStyle style, bool explode, string expected)
    {
        var request = NewRequest();

        ParameterStyles.AddQuery(request, "color", Colors, style, explode);

        Assert.Equal(expected, string.Join("&", request.Query.Select(q => q.Key + "=" + q.Value)));
    }

    [Theory]
    [InlineData(ParameterStyle.Form, false, "color=R,100,G,200,B,150")]
    [InlineData(ParameterStyle.Form, true, "R=100&G=200&B=150")]
    [InlineData(ParameterStyle.SpaceDelimited, false, "color=R 100 G 200 B 150")]
    [InlineData(ParameterStyle.PipeDelimited, false, "color=R|100|G|200|B|150")]
    [InlineData(ParameterStyle.DeepObject, true, "color[R]=100&color[G]=200&color[B]=150")]
    [InlineData(ParameterStyle.DeepObject, false, "color[R]=100&color[G]=200&color[B]=150")]
    public void QueryObjectFollowsTheStyle(ParameterStyle style, bool explode, string expected)
    {
        var request = NewRequest();

        ParameterStyles.AddQuery(request, "color", Rgb, style, explode);

        Assert.Equal(expected, string.Join("&", request.Query.Select(q => q.Key + "=" + q.Value)));
    }

    [Fact]
    public void HeaderAndCookieFollowSimpleAndFormStyles()
    {
        Assert.Equal("blue,black,brown", ParameterStyles.Header(Colors));
        Assert.Equal("R,100,G,200,B,150", ParameterStyles.Header(Rgb, explode: false));
        Assert.Equal("R=100,G=200,B=150", ParameterStyles.Header(Rgb, explode: true));

        var request = NewRequest();
        ParameterStyles.AddCookie(request, "ids", Colors, explode: false);
        ParameterStyles.AddCookie(request, "id", new[] { "1", "2" }, explode: true);
        ParameterStyles.AddCookie(request, "color", Rgb, explode: false);
        ParameterStyles.AddCookie(request, "color", Rgb.Take(1), explode: true);

        Assert.Equal("ids=blue,black,brown|id=1|id=2|color=R,100,G,200,B,150|R=100", string.Join("|", request.Cookies.Select(c => c.Key + "=" + c.Value)));
    }

    [Fact]
    public void StylesThatDoNotApplyToTheLocationAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterStyles.Path("x", "1", ParameterStyle.Form));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterStyles.Path("x", Colors, ParameterStyle.DeepObject, explode: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterStyles.AddQuery(NewRequest(), "x", Colors, ParameterStyle.DeepObject, explode: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterStyles.AddQuery(NewRequest(), "x", Rgb, ParameterStyle.Matrix, explode: true));
    }

    [Fact]
    public void JsonTextIsWhatTheWriterWrote()
    {
        var text = ParameterStyles.JsonText(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("R", 100);
            writer.WriteString("name", "a\"b");
            writer.WriteEndObject();
        });

        Assert.Equal("""{"R":100,"name":"a\u0022b"}""", text);
    }
}
