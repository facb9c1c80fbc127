using Codegen.EndToEnd.Tests.Zoom.Generated;
using Codegen.Runtime.Errors;
using Codegen.Runtime.Validation;
using Xunit;

namespace Codegen.EndToEnd.Tests.Zoom;

/// <summary>What must never happen: a duplicate meeting, or an invalid request reaching Zoom.</summary>
public sealed class SafetyTests
{
    [Fact]
    public async Task ADroppedConnectionAfterACreateIsReportedAsOutcomeUnknownAndNotResent()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient();
        world.Emulator.Faults.DropConnectionNext(1); // the create is stored, then the connection is cut

        var unknown = await Assert.ThrowsAsync<OutcomeUnknownException>(() => zoom.Client.CreateMeetingAsync("me", ZoomWorld.WeeklyMeeting(), world.Guard));

        Assert.Equal("createMeeting", unknown.OperationId);
        Assert.Equal(1, unknown.Attempts);
        Assert.Equal(1, world.Emulator.CreateRequestsReceived("me"));
        Assert.Equal(1, world.Emulator.MeetingsCreated("me"));
        // The permit stays taken: the meeting may exist, so it counts against the day.
        var status = await zoom.Limiter.GetStatusAsync("meeting-create-update", "me", world.Guard);
        Assert.Equal(99, status.Remaining);
    }

    [Fact]
    public async Task InvalidInputNeverReachesZoomAndEveryViolationIsListed()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient();
        var invalid = ZoomWorld.WeeklyMeeting() with
        {
            Topic = new string('t', 201),
            Password = "far too long!",
            Duration = -1,
            Recurrence = new Recurrence { Type = RecurrenceType.Weekly, WeeklyDays = "2,9", EndTimes = 61 },
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => zoom.Client.CreateMeetingAsync("me", invalid, world.Guard));

        var problems = error.Errors.Select(e => (e.Path, e.Rule)).ToHashSet();
        Assert.Contains(("topic", "maxLength"), problems);
        Assert.Contains(("password", "maxLength"), problems);
        Assert.Contains(("password", "pattern"), problems);
        Assert.Contains(("duration", "minimum"), problems);
        Assert.Contains(("recurrence.weekly_days", "pattern"), problems);
        Assert.Contains(("recurrence.end_times", "maximum"), problems);
        Assert.DoesNotContain("far too long!", error.Message); // the passcode is not echoed
        Assert.True(world.NothingReceived); // no create, and not even a token request
        Assert.Equal(0, world.Emulator.TotalCreateRequestsReceived);
        var status = await zoom.Limiter.GetStatusAsync("meeting-create-update", "me", world.Guard);
        Assert.Equal(100, status.Remaining); // no permit taken
    }

    [Fact]
    public async Task EndTimesAndEndDateTimeTogetherAreRefusedBeforeSending()
    {
        await using var world = await ZoomWorld.StartAsync();
        var zoom = world.CreateClient();
        var both = ZoomWorld.WeeklyMeeting() with
        {
            Recurrence = new Recurrence { Type = RecurrenceType.Weekly, WeeklyDays = "2", EndTimes = 3, EndDateTime = new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero) },
        };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => zoom.Client.CreateMeetingAsync("me", both, world.Guard));

        Assert.Contains(error.Errors, e => e.Path.StartsWith("recurrence", StringComparison.Ordinal));
        Assert.True(world.NothingReceived);
    }
}
