using Xunit;
using Codegen.Runtime.Transport;

namespace Codegen.Runtime.Tests.Transport;

// ApiRequest keeps its first partition value in fields (the quota limiter reads it on every attempt) and a dictionary
// only from the second name on; PartitionValues must show the same values either way.
public sealed class PartitionValueTests
{
    private static readonly ApiOperation Update = new("update", HttpMethod.Patch, "/users/{userId}/meetings/{meetingId}");

    [Fact]
    public void ARequestWithoutPartitionValuesHasAnEmptyDictionary()
    {
        var request = new ApiRequest(Update, "users/a/meetings/1");

        Assert.Empty(request.PartitionValues);
    }

    [Fact]
    public void OneValueIsShownAndSettingItAgainReplacesIt()
    {
        var request = new ApiRequest(Update, "users/a/meetings/1");
        request.SetPartitionValue("userId", "alice");
        request.SetPartitionValue("userId", "bob");

        var values = request.PartitionValues;

        Assert.Equal("bob", Assert.Single(values).Value);
        Assert.Equal("bob", values["userId"]);
    }

    [Fact]
    public void ASecondNameKeepsTheFirstValueBesideIt()
    {
        var request = new ApiRequest(Update, "users/a/meetings/1");
        request.SetPartitionValue("userId", "alice");
        request.SetPartitionValue("meetingId", "m1");
        request.SetPartitionValue("userId", "carol");

        Assert.Equal(2, request.PartitionValues.Count);
        Assert.Equal("carol", request.PartitionValues["userId"]);
        Assert.Equal("m1", request.PartitionValues["meetingId"]);
    }

    [Fact]
    public void AValueSetAfterReadingTheDictionaryIsShownToo()
    {
        var request = new ApiRequest(Update, "users/a/meetings/1");
        request.SetPartitionValue("userId", "alice");
        Assert.Single(request.PartitionValues);

        request.SetPartitionValue("meetingId", "m1");
        request.SetPartitionValue("userId", "dave");

        Assert.Equal("dave", request.PartitionValues["userId"]);
        Assert.Equal("m1", request.PartitionValues["meetingId"]);
    }

    [Fact]
    public void ANullParameterNameIsRefusedClearly()
    {
        var request = new ApiRequest(Update, "users/a/meetings/1");

        var error = Assert.Throws<ArgumentNullException>(() => request.SetPartitionValue(null!, "alice"));

        Assert.Equal("parameterName", error.ParamName);
    }
}
