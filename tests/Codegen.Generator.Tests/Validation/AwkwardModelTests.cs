using Codegen.Generator.Emitting;
using Codegen.Generator.Model;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

/// <summary>Whatever names, patterns and values a spec holds, the emitted validator compiles cleanly and reports them verbatim.</summary>
public sealed class AwkwardModelTests
{
    private static EquatableArray<T> Of<T>(params T[] items) where T : IEquatable<T> => new(items);

    private static readonly EnumModel Empty = new("Nothing", "/e", null, null, true, "int", EquatableArray<EnumMemberModel>.Empty);

    private static readonly RecordModel Awkward = new("Awkward", "/components/schemas/Awkward", null, null, Of(
            new PropertyModel("@class", "class", new TypeRef(TypeKind.String), true, false, null,
                new ValueConstraints(Pattern: "^\"\\d+\"$", MaxLength: 4) { AllowedValues = Of("\"\\\"1\\\"\"", "\"\\\"22\\\"\"") }, false, false, false, false),
            new PropertyModel("Quoted", "a\"b\\c\u2028d", new TypeRef(TypeKind.Int32), false, false, null, new ValueConstraints(Minimum: "-3000000000", Maximum: "1e3"), false, false, false, false),
            new PropertyModel("Either", "either", new TypeRef(TypeKind.Boolean), true, false, null, new ValueConstraints { AllowedValues = Of("true", "false") }, false, false, false, false),
            new PropertyModel("Impossible", "impossible", new TypeRef(TypeKind.Int32), false, false, null, new ValueConstraints(Minimum: "3000000000"), false, false, false, false),
            new PropertyModel("Nothing", "nothing", new TypeRef(TypeKind.Enum, "Nothing"), false, false, null, ValueConstraints.None, false, false, false, false),
            new PropertyModel("Blob", "blob", new TypeRef(TypeKind.Base64), true, false, null, ValueConstraints.None, false, false, false, false)),
        Of<ObjectRule>(
            new NotAllPresentRule("/not", Of("class", "nothing", "blob")),
            new DependentRequiredRule("/dependentRequired/ghost", "ghost", Of("class"))),
        null, Of(Empty));

    private const string AwkwardRecord = """
        #nullable enable
        namespace Odd.Names;
        public enum Nothing { }
        public sealed partial record Awkward
        {
            public required string @class { get; init; }
            public int? Quoted { get; init; }
            public required bool Either { get; init; }
            public int? Impossible { get; init; }
            public Nothing? Nothing { get; init; }
            public required byte[] Blob { get; init; }
        }
        """;

    private static readonly Lazy<CompiledValidators> Compiled = new(() => CompiledValidators.Compile(AwkwardRecord, ValidatorEmitter.Emit(Awkward, "Odd.Names")));

    private static string[] Errors(params (string, object?)[] values) =>
        CompiledValidators.Validate(Compiled.Value.Make("Odd.Names.Awkward", values)).Errors.Select(e => e.Path + "|" + e.Rule + "|" + e.Message).ToArray();

    [Fact]
    public void KeywordNamesQuotesAndOddBoundsCompileWithoutWarnings() => Assert.Empty(Compiled.Value.Diagnostics);

    [Fact]
    public void QuotedPatternsAndValuesAreCheckedVerbatim()
    {
        Assert.Empty(Errors(("class", "\"1\""), ("Blob", new byte[1])));
        Assert.Equal(
            new[] { "class|pattern|must match the pattern ^\"\\d+\"$", "class|enum|must be one of \"\\\"1\\\"\", \"\\\"22\\\"\"" },
            Errors(("class", "1"), ("Blob", new byte[1])));
    }

    [Fact]
    public void JsonNamesWithQuotesAndSeparatorsAppearInPathsUnchanged()
    {
        Assert.Equal(new[] { "a\"b\\c\u2028d|maximum|must be at most 1e3" }, Errors(("class", "\"1\""), ("Blob", new byte[1]), ("Quoted", 1001)));
    }

    [Fact]
    public void IntBoundsOutsideTheIntRangeAreDecidedAtGenerationTime()
    {
        Assert.Equal(new[] { "impossible|minimum|must be at least 3000000000" }, Errors(("class", "\"1\""), ("Blob", new byte[1]), ("Impossible", int.MaxValue)));
        Assert.Empty(Errors(("class", "\"1\""), ("Blob", new byte[1]), ("Quoted", int.MinValue)));
    }

    [Fact]
    public void RequiredReferencesAreReportedWhenNull()
    {
        Assert.Equal(new[] { "class|required|is required", "blob|required|is required" }, Errors());
    }

    [Fact]
    public void AnEnumWithoutMembersIsNotCheckedAndARuleOnAnUnknownPropertyNeverFires()
    {
        var errors = Errors(("class", "\"1\""), ("Blob", new byte[1]), ("Nothing", 0));
        Assert.Contains("|not|class, nothing and blob cannot all be set", errors);
        Assert.DoesNotContain(errors, e => e.Contains("dependentRequired"));
    }
}
