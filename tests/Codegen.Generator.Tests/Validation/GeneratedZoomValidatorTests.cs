using Codegen.Generator.Tests.Infrastructure;
using Codegen.Runtime.Validation;
using Xunit;

namespace Codegen.Generator.Tests.Validation;

/// <summary>The validator the whole generator emits for our Zoom spec, run on real generated records.</summary>
public sealed class GeneratedZoomValidatorTests
{
    [Fact]
    public void GeneratedRecurrenceValidatorEnforcesTheSpecsCrossFieldRules()
    {
        var result = GeneratorHarness.Run(new[] { Specs.Zoom() });
        Assert.DoesNotContain(result.CompilationProblems(), d => d.Location.SourceTree?.FilePath.Contains(".Validation.") == true);
        using var loaded = result.Load();
        var recurrenceType = loaded.Assembly.GetTypes().Single(t => t.Name == "Recurrence");

        object Make(params (string Property, object? Value)[] values)
        {
            var instance = Activator.CreateInstance(recurrenceType)!;
            foreach (var (name, value) in values)
            {
                var property = recurrenceType.GetProperty(name)!;
                var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                property.SetValue(instance, target.IsEnum ? Enum.ToObject(target, value!) : value);
            }
            return instance;
        }

        string[] Errors(object model) => ((IValidatable)model).Validate().Errors.Select(e => e.Path + "|" + e.Rule).ToArray();

        Assert.Empty(Errors(Make(("Type", 2), ("WeeklyDays", "2,4"), ("RepeatInterval", 50), ("EndTimes", 60))));
        Assert.Equal(
            new[] { "end_times|maximum", "repeat_interval|maximum", "weekly_days|required", "|not" },
            Errors(Make(("Type", 2), ("RepeatInterval", 51), ("EndTimes", 61), ("EndDateTime", DateTimeOffset.UnixEpoch))).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "repeat_interval|maximum" }, Errors(Make(("Type", 3), ("RepeatInterval", 11))));
        Assert.Equal(new[] { "weekly_days|pattern" }, Errors(Make(("Type", 2), ("WeeklyDays", "2;4"))));
    }
}
