using System.Reflection;
using System.Text.Json;
using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Unions;

/// <summary>Generated unions read the right variant, write it back byte for byte, convert from each variant and validate.</summary>
public sealed class UnionJsonTests : IDisposable
{
    private readonly GenerationResult _result;
    private readonly LoadedAssembly _assembly;

    public UnionJsonTests()
    {
        _result = GeneratorHarness.Run(new[] { UnionSpecs.Spec() }, UnionSpecs.Harness);
        _result.AssertCompilesCleanly();
        _assembly = _result.Load();
    }

    public void Dispose() => _assembly.Dispose();

    private object Read(string type, string json) => _assembly.Call("TestHarness.UnionProbe", "Read", type, json)!;

    private string RoundTrip(string type, string json) => (string)_assembly.Call("TestHarness.UnionProbe", "RoundTrip", type, json)!;

    /// <summary>The names of the union's properties that hold a value.</summary>
    private static string SetVariants(object union) => string.Join(",", union.GetType()
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != "EqualityContract" && p.GetValue(union) is not null)
        .Select(p => p.Name));

    private static object? Member(object value, string name) => value.GetType().GetProperty(name)!.GetValue(value);

    [Theory]
    [InlineData("""{"petType":"cat","name":"Tom","lives":9}""", "Cat")]
    [InlineData("""{"petType":"dog","name":"Rex","barks":true}""", "Dog")]
    public void MappedStringDiscriminatorChoosesItsVariantAndRoundTrips(string json, string variant)
    {
        Assert.Equal(variant, SetVariants(Read("Pet", json)));
        Assert.Equal(json, RoundTrip("Pet", json));
    }

    [Fact]
    public void DiscriminatorAfterOtherMembersIsFoundByLookingAhead()
    {
        var pet = Read("Pet", """{"name":"Rex","barks":false,"petType":"dog"}""");

        Assert.Equal("Dog", SetVariants(pet));
        Assert.Equal("Rex", Member(Member(pet, "Dog")!, "Name"));
    }

    [Fact]
    public void UnknownDiscriminatorValueIsKeptRawAndWrittenBackUnchanged()
    {
        const string json = """{"petType":"parrot","name":"Polly","words":["hello"]}""";

        var pet = Read("Pet", json);

        Assert.Equal("Unknown", SetVariants(pet));
        Assert.Equal(json, RoundTrip("Pet", json));
        Assert.Equal(1, (int)_assembly.Call("TestHarness.UnionProbe", "ErrorCount", pet)!);
    }

    [Theory]
    [InlineData("""{"kind":"Circle","radius":1.5}""", "Circle")]
    [InlineData("""{"kind":"Square","side":2}""", "Square")]
    public void DiscriminatorWithoutMappingUsesComponentNames(string json, string variant)
    {
        Assert.Equal(variant, SetVariants(Read("Shape", json)));
        Assert.Equal(json, RoundTrip("Shape", json));
    }

    [Theory]
    [InlineData("""{"custom":false,"mode":"fast"}""", "Auto")]
    [InlineData("""{"custom":true,"value":7}""", "Custom")]
    public void BooleanDiscriminatorMatchesTrueAndFalseTokens(string json, string variant)
    {
        Assert.Equal(variant, SetVariants(Read("Toggle", json)));
        Assert.Equal(json, RoundTrip("Toggle", json));
    }

    [Theory]
    [InlineData("""{"level":1,"one":"a"}""", "LevelOne", """{"level":1,"one":"a"}""")]
    [InlineData("""{"level":1.0,"one":"a"}""", "LevelOne", """{"level":1,"one":"a"}""")]
    [InlineData("""{"level":2.5,"two":"b"}""", "LevelTwo", """{"level":2.5,"two":"b"}""")]
    public void NumericDiscriminatorComparesNumbersNotText(string json, string variant, string written)
    {
        Assert.Equal(variant, SetVariants(Read("Level", json)));
        // The variant's "level" is a double: 1.0 is written as 1.
        Assert.Equal(written, RoundTrip("Level", json));
    }

    [Fact]
    public void NumericDiscriminatorWithAnUnmappedNumberIsUnknown()
    {
        Assert.Equal("Unknown", SetVariants(Read("Level", """{"level":3,"one":"a"}""")));
    }

    [Theory]
    [InlineData("42", "Int64")]
    [InlineData("\"forty-two\"", "String")]
    public void IntOrStringIsChosenByTheJsonToken(string json, string variant)
    {
        Assert.Equal(variant, SetVariants(Read("IdOrName", json)));
        Assert.Equal(json, RoundTrip("IdOrName", json));
    }

    [Fact]
    public void TokenNoVariantAcceptsIsAClearJsonException()
    {
        var error = Assert.Throws<TargetInvocationException>(() => Read("IdOrName", "true"));

        var inner = Assert.IsType<JsonException>(error.InnerException);
        Assert.Contains("No variant of IdOrName accepts a JSON True value", inner.Message);
    }

    [Theory]
    [InlineData("""{"address":"a@example.test"}""", "Email")]
    [InlineData("""{"number":"555 0100"}""", "Phone")]
    public void ObjectsWithoutDiscriminatorTakeTheFirstVariantThatReads(string json, string variant)
    {
        Assert.Equal(variant, SetVariants(Read("Contact", json)));
        Assert.Equal(json, RoundTrip("Contact", json));
    }

    [Fact]
    public void UnionsInsideRecordsAndArraysRoundTrip()
    {
        const string json = """{"pets":[{"petType":"cat","name":"Tom"},{"petType":"dog","name":"Rex"}],"id":"owner-7","nickname":null,"contact":{"number":"1"},"tags":["x","y"]}""";

        var owner = Read("Owner", json);

        var pets = ((System.Collections.IEnumerable)Member(owner, "Pets")!).Cast<object>().Select(SetVariants);
        Assert.Equal(new[] { "Cat", "Dog" }, pets);
        Assert.Equal("String", SetVariants(Member(owner, "Id")!));
        Assert.Equal("StringList", SetVariants(Member(owner, "Tags")!));
        Assert.Equal(json, RoundTrip("Owner", json)); // an optional nullable property read as null is written back as null
    }

    [Fact]
    public void VariantsConvertImplicitlyAndAnEmptyUnionWritesNull()
    {
        var written = (string)_assembly.Call("TestHarness.UnionProbe", "WriteConverted")!;

        Assert.Equal("""{"pets":[{"petType":"cat","name":"Tom"},{"petType":"dog","name":"Rex"}],"id":42,"tags":["a"]}|"forty-two"|null""", written);
    }

    [Fact]
    public void ValidationChecksTheSetVariantAndThatOneIsSet()
    {
        var shortName = Read("Pet", """{"petType":"cat","name":"T"}""");
        var fine = Read("Pet", """{"petType":"cat","name":"Tom"}""");
        var empty = Activator.CreateInstance(_assembly.Type("Tests.Unions.Pet"))!;

        Assert.Equal(1, (int)_assembly.Call("TestHarness.UnionProbe", "ErrorCount", shortName)!);
        Assert.Equal(0, (int)_assembly.Call("TestHarness.UnionProbe", "ErrorCount", fine)!);
        Assert.Equal(1, (int)_assembly.Call("TestHarness.UnionProbe", "ErrorCount", empty)!);
    }

    [Fact]
    public void ViolationsInsideAUnionCarryThePathThroughTheRecord()
    {
        var owner = Read("Owner", """{"pets":[{"petType":"dog","name":"Rex"},{"petType":"cat","name":"T"},{"petType":"bird"}]}""");

        var errors = (string)_assembly.Call("TestHarness.UnionProbe", "Errors", owner)!;

        Assert.Equal("pets[1].name minLength;pets[2] discriminator", errors);
    }

    [Fact]
    public void NullBranchLeavesANullableValueNotAUnion()
    {
        var owner = _result.Source("UnionsClient.Owner.g.cs");

        Assert.Contains("public string? Nickname { get => ", owner);
        Assert.DoesNotContain(_result.Sources, s => s.HintName.Contains("Nickname", StringComparison.Ordinal));
    }

    [Fact]
    public void UnionsAreRequestAndResponseBodies()
    {
        var operation = _result.Source("UnionsClient.AddPetAsync.g.cs");

        Assert.Contains("global::Tests.Unions.Pet body", operation);
        Assert.Contains("Task<global::Tests.Unions.Shape>", operation);
    }

    [Fact]
    public void SupportedUnionsRaiseNoUnsupportedConstructWarning()
    {
        Assert.DoesNotContain(_result.GeneratorDiagnostics, d => d.Id == "CG0005");
    }
}
