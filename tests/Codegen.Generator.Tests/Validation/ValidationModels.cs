using Codegen.Generator.Emitting;
using Codegen.Generator.Model;

namespace Codegen.Generator.Tests.Validation;

/// <summary>Hand-built models (as the reader would produce them) for Zoom's meeting request and a record with every other rule.</summary>
internal static class ValidationModels
{
    public const string Namespace = "Zoom.Meetings.Tests";

    private static EquatableArray<T> Of<T>(params T[] items) where T : IEquatable<T> => new(items);

    private static PropertyModel Property(string name, string json, TypeRef type, ValueConstraints? constraints = null, bool required = false, bool nullable = false) =>
        new(name, json, type, required, nullable, null, constraints ?? ValueConstraints.None, false, false, false, false);

    private static TypeRef T(TypeKind kind, string? name = null, TypeRef? item = null, bool itemNullable = false) => new(kind, name, item, itemNullable);

    public static readonly EnumModel RecurrenceType = new("RecurrenceType", "/components/schemas/RecurrenceType", null, null, false, "int", Of(
        new EnumMemberModel("Daily", "1", 1, null), new EnumMemberModel("Weekly", "2", 2, null), new EnumMemberModel("Monthly", "3", 3, null)));

    public static readonly EnumModel MonthlyWeek = new("MonthlyWeek", "/components/schemas/MonthlyWeek", null, null, false, "int", Of(
        new EnumMemberModel("Last", "-1", -1, null), new EnumMemberModel("First", "1", 1, null), new EnumMemberModel("Second", "2", 2, null),
        new EnumMemberModel("Third", "3", 3, null), new EnumMemberModel("Fourth", "4", 4, null)));

    public static readonly EnumModel Status = new("Status", "/components/schemas/Status", null, null, true, "int", Of(
        new EnumMemberModel("Active", "active", 1, null), new EnumMemberModel("Archived", "archived", 2, null)));

    private static ConditionalRule RepeatIntervalMax(int type, string max) => new("/components/schemas/Recurrence/allOf/0/if",
        new RuleCondition("type", Of(type.ToString()), true),
        new RuleSet(EquatableArray<string>.Empty, Of(new PropertyConstraint("repeat_interval", new ValueConstraints(Maximum: max)))),
        null);

    public static readonly RecordModel Recurrence = new("Recurrence", "/components/schemas/Recurrence", null, null, Of(
            Property("Type", "type", T(TypeKind.Enum, "RecurrenceType"), required: true),
            Property("RepeatInterval", "repeat_interval", T(TypeKind.Int32), new ValueConstraints(Minimum: "1")),
            Property("WeeklyDays", "weekly_days", T(TypeKind.String), new ValueConstraints(Pattern: "^[1-7](,[1-7])*$")),
            Property("MonthlyDay", "monthly_day", T(TypeKind.Int32), new ValueConstraints(Minimum: "1", Maximum: "31")),
            Property("MonthlyWeek", "monthly_week", T(TypeKind.Enum, "MonthlyWeek")),
            Property("MonthlyWeekDay", "monthly_week_day", T(TypeKind.Int32), new ValueConstraints(Minimum: "1", Maximum: "7")),
            Property("EndTimes", "end_times", T(TypeKind.Int32), new ValueConstraints(Maximum: "60")),
            Property("EndDateTime", "end_date_time", T(TypeKind.DateTime))),
        Of<ObjectRule>(
            new NotAllPresentRule("/components/schemas/Recurrence/not", Of("end_times", "end_date_time")),
            new DependentRequiredRule("/components/schemas/Recurrence/dependentRequired/monthly_week", "monthly_week", Of("monthly_week_day")),
            new DependentRequiredRule("/components/schemas/Recurrence/dependentRequired/monthly_week_day", "monthly_week_day", Of("monthly_week")),
            new ConditionalRule("/components/schemas/Recurrence/if", new RuleCondition("type", Of("2"), true),
                new RuleSet(Of("weekly_days"), EquatableArray<PropertyConstraint>.Empty), null),
            RepeatIntervalMax(1, "99"),
            RepeatIntervalMax(2, "50"),
            RepeatIntervalMax(3, "10")),
        null, Of(RecurrenceType, MonthlyWeek));

    public static readonly RecordModel TrackingField = new("TrackingField", "/components/schemas/TrackingField", null, null, Of(
            Property("Field", "field", T(TypeKind.String), required: true),
            Property("Value", "value", T(TypeKind.String))),
        EquatableArray<ObjectRule>.Empty, null, EquatableArray<EnumModel>.Empty);

    public static readonly RecordModel MeetingRequest = new("MeetingRequest", "/components/schemas/MeetingRequest", null, null, Of(
            Property("Topic", "topic", T(TypeKind.String), new ValueConstraints(MaxLength: 200)),
            Property("Password", "password", T(TypeKind.String), new ValueConstraints(MaxLength: 10, Pattern: "^[A-Za-z0-9@_*!#-]*$")),
            Property("Agenda", "agenda", T(TypeKind.String), new ValueConstraints(MaxLength: 2000)),
            Property("Recurrence", "recurrence", T(TypeKind.Model, "Recurrence")),
            Property("TrackingFields", "tracking_fields", T(TypeKind.Array, item: T(TypeKind.Model, "TrackingField")))),
        EquatableArray<ObjectRule>.Empty, null, EquatableArray<EnumModel>.Empty);

    public const string ZoomRecords = """
        #nullable enable
        namespace Zoom.Meetings.Tests;
        public enum RecurrenceType { Daily = 1, Weekly = 2, Monthly = 3 }
        public enum MonthlyWeek { Last = -1, First = 1, Second = 2, Third = 3, Fourth = 4 }
        public sealed partial record Recurrence
        {
            public required RecurrenceType Type { get; init; }
            public int? RepeatInterval { get; init; }
            public string? WeeklyDays { get; init; }
            public int? MonthlyDay { get; init; }
            public MonthlyWeek? MonthlyWeek { get; init; }
            public int? MonthlyWeekDay { get; init; }
            public int? EndTimes { get; init; }
            public global::System.DateTimeOffset? EndDateTime { get; init; }
        }
        public sealed partial record TrackingField
        {
            public required string Field { get; init; }
            public string? Value { get; init; }
        }
        public sealed partial record MeetingRequest
        {
            public string? Topic { get; init; }
            public string? Password { get; init; }
            public string? Agenda { get; init; }
            public Recurrence? Recurrence { get; init; }
            public global::System.Collections.Generic.IReadOnlyList<TrackingField>? TrackingFields { get; init; }
        }
        """;

    /// <summary>Every other rule on one record.</summary>
    public static readonly RecordModel Sample = new("Sample", "/components/schemas/Sample", null, null, Of(
            Property("Name", "name", T(TypeKind.String), new ValueConstraints(MinLength: 2), required: true),
            Property("Count", "count", T(TypeKind.Int32), new ValueConstraints(Minimum: "0", MultipleOf: "5"), required: true),
            Property("Score", "score", T(TypeKind.Double), new ValueConstraints(Minimum: "0", ExclusiveMinimum: true, Maximum: "100", ExclusiveMaximum: true, MultipleOf: "0.5")),
            Property("Amount", "amount", T(TypeKind.Decimal), new ValueConstraints(Maximum: "1000", MultipleOf: "0.01")),
            Property("Big", "big", T(TypeKind.Int64), new ValueConstraints(Maximum: "10000000000")),
            Property("Tags", "tags", T(TypeKind.Array, item: T(TypeKind.String)), new ValueConstraints(MinItems: 1, MaxItems: 3, UniqueItems: true, Items: new ValueConstraints(MaxLength: 5))),
            Property("Email", "email", T(TypeKind.String), new ValueConstraints(Format: "email")),
            Property("Site", "site", T(TypeKind.String), new ValueConstraints(Format: "uri")),
            Property("Id", "id", T(TypeKind.String), new ValueConstraints(Format: "uuid")),
            Property("When", "when", T(TypeKind.String), new ValueConstraints(Format: "date-time")),
            Property("Day", "day", T(TypeKind.String), new ValueConstraints(Format: "date")),
            Property("Color", "color", T(TypeKind.String), new ValueConstraints { AllowedValues = Of("\"red\"", "\"green\"") }),
            Property("Level", "level", T(TypeKind.Int32), new ValueConstraints { AllowedValues = Of("1", "2") }),
            Property("Flag", "flag", T(TypeKind.Boolean), new ValueConstraints { AllowedValues = Of("true") }),
            // the reader passes the enum schema's own list as allowed values; it must not double the membership check
            Property("State", "state", T(TypeKind.Enum, "Status"), new ValueConstraints { AllowedValues = Of("\"active\"", "\"archived\"") }),
            Property("States", "states", T(TypeKind.Array, item: T(TypeKind.Enum, "Status")), new ValueConstraints(Items: new ValueConstraints { AllowedValues = Of("\"active\"", "\"archived\"") })),
            Property("Phase", "phase", T(TypeKind.Enum, "Status"), new ValueConstraints { AllowedValues = Of("\"active\"") }),
            Property("Fields", "fields", T(TypeKind.Dictionary, item: T(TypeKind.Model, "TrackingField"))),
            Property("Matrix", "matrix", T(TypeKind.Array, item: T(TypeKind.Array, item: T(TypeKind.Int32))), new ValueConstraints(Items: new ValueConstraints(Items: new ValueConstraints(Maximum: "9")))),
            Property("Extra", "extra", T(TypeKind.Any), required: true),
            Property("Note", "note", T(TypeKind.String), required: true, nullable: true)),
        EquatableArray<ObjectRule>.Empty, null, Of(Status));

    public const string SampleRecord = """
        #nullable enable
        namespace Zoom.Meetings.Tests;
        public enum Status { Active = 1, Archived = 2 }
        public sealed partial record Sample
        {
            public required string Name { get; init; }
            public required int Count { get; init; }
            public double? Score { get; init; }
            public decimal? Amount { get; init; }
            public long? Big { get; init; }
            public global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }
            public string? Email { get; init; }
            public string? Site { get; init; }
            public string? Id { get; init; }
            public string? When { get; init; }
            public string? Day { get; init; }
            public string? Color { get; init; }
            public int? Level { get; init; }
            public bool? Flag { get; init; }
            public Status? State { get; init; }
            public global::System.Collections.Generic.IReadOnlyList<Status>? States { get; init; }
            public Status? Phase { get; init; }
            public global::System.Collections.Generic.IReadOnlyDictionary<string, TrackingField>? Fields { get; init; }
            public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<int>>? Matrix { get; init; }
            public required global::System.Text.Json.JsonElement Extra { get; init; }
            public required string? Note { get; init; }
        }
        """;

    private static readonly Lazy<CompiledValidators> Compiled = new(() => CompiledValidators.Compile(
        ZoomRecords,
        SampleRecord,
        ValidatorEmitter.Emit(Recurrence, Namespace),
        ValidatorEmitter.Emit(TrackingField, Namespace),
        ValidatorEmitter.Emit(MeetingRequest, Namespace),
        ValidatorEmitter.Emit(Sample, Namespace)));

    /// <summary>The validators above, compiled once per test run.</summary>
    public static CompiledValidators Validators => Compiled.Value;
}
