using Codegen.Runtime.Validation;
using Xunit;

namespace Codegen.Runtime.Tests.Validation;

/// <summary>Violation paths read like the JSON they point into, and are built only when a violation is added.</summary>
public sealed class ValidationContextTests
{
    [Fact]
    public void APropertyOfTheValidatedObjectIsItsOwnPathWithoutACopy()
    {
        const string name = "topic";
        var context = new ValidationContext();

        context.AddError(name, "maxLength", "too long");

        var error = Assert.Single(context.ToResult().Errors);
        Assert.Same(name, error.Path);
    }

    [Fact]
    public void NestedPropertiesAndElementsAreJoinedWithDotsAndBrackets()
    {
        var context = new ValidationContext();
        context.Enter("settings");
        context.Enter("meeting_invitees");
        context.EnterIndex(12);
        context.AddError("email", "format", "not an e-mail address");
        context.Exit();
        context.AddError("maxItems", "too many");
        context.Exit();
        context.Exit();

        Assert.Equal(new[] { "settings.meeting_invitees[12].email", "settings.meeting_invitees" }, context.ToResult().Errors.Select(e => e.Path));
    }

    [Fact]
    public void ABodyThatIsAListStartsWithItsIndex()
    {
        var context = new ValidationContext();
        context.EnterIndex(2);
        context.AddError("name", "required", "missing");
        context.EnterIndex(0);
        context.AddError("minimum", "too small");

        Assert.Equal(new[] { "[2].name", "[2][0]" }, context.ToResult().Errors.Select(e => e.Path));
    }

    [Fact]
    public void PathsDeeperThanTheStackKeepTheirFirst32Segments()
    {
        var context = new ValidationContext();
        for (int i = 0; i < 40; i++) context.Enter("p" + i);
        context.AddError("leaf", "required", "missing");

        var path = Assert.Single(context.ToResult().Errors).Path;
        Assert.Equal(string.Join(".", Enumerable.Range(0, 32).Select(i => "p" + i)) + ".leaf", path);
    }

    [Fact]
    public void ANestedViolationAllocatesItsPathAndErrorOnly()
    {
        static long Measure()
        {
            var context = new ValidationContext();
            context.Enter("settings");
            context.Enter("approved_or_denied_countries_or_regions");
            long before = GC.GetAllocatedBytesForCurrentThread();
            context.AddError("method", "enum", "not a listed value");
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Measure();

        // The error list (first error), its backing array, the error record and the 59-char path string; no builder.
        Assert.InRange(Measure(), 1, 400);
    }
}
