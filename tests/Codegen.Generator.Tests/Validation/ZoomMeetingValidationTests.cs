using Xunit;
using Codegen.Runtime.Validation;

namespace Codegen.Generator.Tests.Validation;

public sealed class ZoomMeetingValidationTests
{
    private const string Ns = ValidationModels.Namespace + ".";
    private static CompiledValidators V => ValidationModels.Validators;

    private static object Recurrence(params (string, object?)[] values) =>
        V.Make(Ns + "Recurrence", values.Any(v => v.Item1 == "Type") ? values : values.Prepend(("Type", (object?)1)).ToArray());

    private static object Meeting(params (string, object?)[] values) => V.Make(Ns + "MeetingRequest", values);

    private static string[] Errors(object model) =>
        CompiledValidators.Validate(model).Errors.Select(e => e.Path + "|" + e.Rule).ToArray();

    [Fact]
    public void GeneratedValidatorsCompileWithoutWarnings() => Assert.Empty(V.Diagnostics);

    [Theory]
    [InlineData("Topic", 200)]
    [InlineData("Password", 10)]
    [InlineData("Agenda", 2000)]
    public void TextAtItsMaximumLengthIsValidAndOneMoreCharacterIsNot(string property, int max)
    {
        string json = property.ToLowerInvariant();
        Assert.Empty(Errors(Meeting((property, new string('a', max)))));
        var result = CompiledValidators.Validate(Meeting((property, new string('a', max + 1))));
        var error = Assert.Single(result.Errors);
        Assert.Equal((json, "maxLength", $"must be at most {max} characters long"), (error.Path, error.Rule, error.Message));
    }

    [Fact]
    public void MaxLengthCountsCodePointsNotUtf16Units()
    {
        // 10 emoji are 20 UTF-16 units but 10 characters for JSON Schema.
        string tenEmoji = string.Concat(Enumerable.Repeat("\U0001F600", 10));
        Assert.DoesNotContain("password|maxLength", Errors(Meeting(("Password", tenEmoji))));
        Assert.Contains("password|maxLength", Errors(Meeting(("Password", tenEmoji + "x"))));
    }

    [Fact]
    public void PasscodeOutsideTheAllowedCharactersBreaksThePattern()
    {
        Assert.Empty(Errors(Meeting(("Password", "Ab1@_*-"))));
        Assert.Equal(new[] { "password|pattern" }, Errors(Meeting(("Password", "a b"))));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(31, true)]
    [InlineData(0, false)]
    [InlineData(32, false)]
    public void MonthlyDayMustBeBetween1And31(int day, bool valid)
    {
        var errors = Errors(Recurrence(("Type", 3), ("MonthlyDay", day)));
        Assert.Equal(valid, errors.Length == 0);
        if (!valid) Assert.Equal(new[] { day < 1 ? "monthly_day|minimum" : "monthly_day|maximum" }, errors);
    }

    [Fact]
    public void EndTimesMayBe60ButNot61()
    {
        Assert.Empty(Errors(Recurrence(("EndTimes", 60))));
        var error = Assert.Single(CompiledValidators.Validate(Recurrence(("EndTimes", 61))).Errors);
        Assert.Equal(("end_times", "maximum", "must be at most 60"), (error.Path, error.Rule, error.Message));
    }

    [Fact]
    public void RepeatIntervalMustBeAtLeastOne()
    {
        Assert.Empty(Errors(Recurrence(("RepeatInterval", 1))));
        Assert.Equal(new[] { "repeat_interval|minimum" }, Errors(Recurrence(("RepeatInterval", 0))));
    }

    [Fact]
    public void EndTimesAndEndDateTimeAreNeverAcceptedTogether()
    {
        Assert.Empty(Errors(Recurrence(("EndTimes", 3))));
        Assert.Empty(Errors(Recurrence(("EndDateTime", DateTimeOffset.UnixEpoch))));
        var error = Assert.Single(CompiledValidators.Validate(Recurrence(("EndTimes", 3), ("EndDateTime", DateTimeOffset.UnixEpoch))).Errors);
        Assert.Equal(("", "not", "end_times and end_date_time cannot both be set"), (error.Path, error.Rule, error.Message));
    }

    [Fact]
    public void WeeklyRecurrenceRequiresWeeklyDays()
    {
        Assert.Empty(Errors(Recurrence(("Type", 2), ("WeeklyDays", "1,3"))));
        Assert.Empty(Errors(Recurrence(("Type", 1))));
        var error = Assert.Single(CompiledValidators.Validate(Recurrence(("Type", 2))).Errors);
        Assert.Equal(("weekly_days", "required", "is required when type is 2"), (error.Path, error.Rule, error.Message));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("1,3,7", true)]
    [InlineData("8", false)]
    [InlineData("1,", false)]
    [InlineData("1;3", false)]
    public void WeeklyDaysIsACommaSeparatedListOfDays1To7(string days, bool valid)
    {
        var errors = Errors(Recurrence(("Type", 2), ("WeeklyDays", days)));
        Assert.Equal(valid ? Array.Empty<string>() : new[] { "weekly_days|pattern" }, errors);
    }

    [Fact]
    public void MonthlyWeekAndMonthlyWeekDayOnlyGoTogether()
    {
        Assert.Empty(Errors(Recurrence(("Type", 3), ("MonthlyWeek", -1), ("MonthlyWeekDay", 2))));
        Assert.Equal(new[] { "monthly_week_day|dependentRequired" }, Errors(Recurrence(("Type", 3), ("MonthlyWeek", 1))));
        Assert.Equal(new[] { "monthly_week|dependentRequired" }, Errors(Recurrence(("Type", 3), ("MonthlyWeekDay", 1))));
    }

    [Theory]
    [InlineData(1, 99)]
    [InlineData(2, 50)]
    [InlineData(3, 10)]
    public void RepeatIntervalMaximumDependsOnTheRecurrenceType(int type, int max)
    {
        Assert.Empty(Errors(Recurrence(("Type", type), ("RepeatInterval", max), ("WeeklyDays", "1"))));
        var error = Assert.Single(CompiledValidators.Validate(Recurrence(("Type", type), ("RepeatInterval", max + 1), ("WeeklyDays", "1"))).Errors);
        Assert.Equal(("repeat_interval", "maximum", $"must be at most {max} when type is {type}"), (error.Path, error.Rule, error.Message));
    }

    [Fact]
    public void UnknownRecurrenceTypeIsAnEnumViolation()
    {
        var error = Assert.Single(CompiledValidators.Validate(Recurrence(("Type", 9))).Errors);
        Assert.Equal(("type", "enum", "must be one of 1, 2, 3"), (error.Path, error.Rule, error.Message));
        Assert.Equal(new[] { "monthly_week|enum", "monthly_week_day|dependentRequired" }, Errors(Recurrence(("MonthlyWeek", 7))));
    }

    [Fact]
    public void SeveralViolationsAreReportedAtOnceWithNestedAndIndexedPaths()
    {
        var meeting = Meeting(
            ("Topic", new string('t', 201)),
            ("Recurrence", Recurrence(("Type", 2), ("EndTimes", 61), ("EndDateTime", DateTimeOffset.UnixEpoch))),
            ("TrackingFields", new object?[]
            {
                V.Make(Ns + "TrackingField", ("Field", "a")),
                V.Make(Ns + "TrackingField", ("Field", "b")),
                V.Make(Ns + "TrackingField", ("Value", "no field")),
            }));
        Assert.Equal(
            new[]
            {
                "topic|maxLength",
                "recurrence.end_times|maximum",
                "recurrence|not",
                "recurrence.weekly_days|required",
                "tracking_fields[2].field|required",
            },
            Errors(meeting));
        var exception = Assert.Throws<RequestValidationException>(() => CompiledValidators.Validate(meeting).ThrowIfInvalid());
        Assert.Equal(5, exception.Errors.Count);
    }

    [Fact]
    public void MessagesNeverContainTheOffendingValue()
    {
        const string secret = "Secret#Passcode-That-Is-Too-Long";
        var result = CompiledValidators.Validate(Meeting(("Password", secret), ("Topic", new string('q', 300) + secret)));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.DoesNotContain("Secret", error.ToString()));
    }

    [Fact]
    public void ValidatingAValidMeetingAllocatesNothing()
    {
        var meeting = Meeting(
            ("Topic", "Weekly sync"),
            ("Password", "Ab1@_*"),
            ("Agenda", "Plans"),
            ("Recurrence", Recurrence(("Type", 2), ("RepeatInterval", 2), ("WeeklyDays", "2,4"), ("EndTimes", 10))),
            ("TrackingFields", new object?[] { V.Make(Ns + "TrackingField", ("Field", "team"), ("Value", "core")) }));
        var model = (IValidatable)meeting;
        for (int i = 0; i < 50; i++) Assert.True(model.Validate().IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = model.Validate();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.Equal(0, allocated);
    }
}
