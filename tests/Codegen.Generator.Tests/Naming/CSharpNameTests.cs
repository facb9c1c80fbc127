using Codegen.Generator.Naming;

namespace Codegen.Generator.Tests.Naming;

public sealed class CSharpNameTests
{
    [Theory]
    [InlineData("open_api", "OpenApi")]
    [InlineData("H.323", "H323")]
    [InlineData("h323_password", "H323Password")]
    [InlineData("userId", "UserId")]
    [InlineData("event-type", "EventType")]
    [InlineData("$ref", "Ref")]
    [InlineData("HTTPServer", "HttpServer")]
    [InlineData("ID", "ID")]
    [InlineData("zoom-meetings", "ZoomMeetings")]
    public void PascalJoinsWordsFromAnySeparator(string input, string expected) =>
        Assert.Equal(expected, CSharpName.Pascal(input));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("event", "@event")]
    [InlineData("user-id", "userId")]
    [InlineData("2fa", "p2fa")]
    [InlineData("X-Request-Id", "xRequestId")]
    public void CamelIdentifiersAreValidParameterNames(string input, string expected) =>
        Assert.Equal(expected, CSharpName.CamelIdentifier(input, "value"));

    [Theory]
    [InlineData("-1", true, "Priority", "Negative1")]
    [InlineData("2", true, "MeetingType", "Type2")]
    [InlineData("4k", false, "VideoQuality", "Quality4k")]
    [InlineData("open_api", false, "Source", "OpenApi")]
    [InlineData("", false, "Source", "Empty")]
    [InlineData("+", false, "Sign", "Value")]
    public void EnumMembersGetReadableNamesNeverUnderscoreDigits(string value, bool isInteger, string enumName, string expected) =>
        Assert.Equal(expected, CSharpName.EnumMember(value, isInteger, enumName));

    [Fact]
    public void NameScopeSuffixesDeterministically()
    {
        var scope = new NameScope();
        scope.Reserve("Client");

        Assert.Equal("Meeting", scope.Take("Meeting", out var first));
        Assert.Equal("Meeting2", scope.Take("Meeting", out var second));
        Assert.Equal("Client2", scope.Take("Client", out _));
        Assert.False(first);
        Assert.True(second);
    }
}
