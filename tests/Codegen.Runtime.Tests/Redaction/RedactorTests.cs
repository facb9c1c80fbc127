using Codegen.Runtime.Redaction;
using Xunit;

namespace Codegen.Runtime.Tests.Redaction;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("https://us06web.zoom.us/s/85746065432?zak=eyJ0eXAi.secret", "https://us06web.zoom.us/s/85746065432?zak=***")]
    [InlineData("https://zoom.us/j/85746065432?pwd=abc123", "https://zoom.us/j/85746065432?pwd=***")]
    [InlineData("https://user:pass@example.com:8443/a?x=1&y=2#frag", "https://***@example.com:8443/a?x=***&y=***#***")]
    [InlineData("https://zoom.us/j/1", "https://zoom.us/j/1")]
    [InlineData("https://zoom.us/j/1?token", "https://zoom.us/j/1?***")]
    [InlineData("not a url with pwd=secret", "***")]
    [InlineData("", "")]
    public void RedactUrlMasksEveryQueryValueUserInfoAndFragment(string url, string expected) =>
        Assert.Equal(expected, Redactor.RedactUrl(url));

    [Fact]
    public void AllowedQueryNamesStayReadable() =>
        Assert.Equal("https://api.zoom.us/v2/users?page_size=30&next_page_token=***",
            Redactor.RedactUrl("https://api.zoom.us/v2/users?page_size=30&next_page_token=abc", ["page_size"]));

    [Fact]
    public void RedactTextMasksUrlsAndCredentialsInsideFreeText()
    {
        var text = Redactor.RedactText("Open https://zoom.us/s/1?zak=SECRETZAK now. Header was Bearer eyJSECRET, and Basic Y2xpZW50OnNlY3JldA==.");

        Assert.Equal("Open https://zoom.us/s/1?zak=*** now. Header was Bearer ***, and Basic ***.", text);
    }

    [Fact]
    public void PlainTextIsUnchanged() =>
        Assert.Equal("User does not exist: someone.", Redactor.RedactText("User does not exist: someone."));

    [Theory]
    [InlineData("Authorization", "Bearer abc", "***")]
    [InlineData("Set-Cookie", "a=b", "***")]
    [InlineData("X-Unknown", "value", "***")]
    [InlineData("Retry-After", "5", "5")]
    public void HeadersAreShownOnlyWhenAllowed(string name, string value, string expected) =>
        Assert.Equal(expected, Redactor.RedactHeader(name, value, ["Retry-After", "Authorization", "Set-Cookie"]));
}
