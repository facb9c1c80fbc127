namespace Codegen.Runtime.Validation;

/// <summary>A generated model that checks the constraints its schema states.</summary>
public interface IValidatable
{
    /// <summary>Checks every rule and returns every violation. Allocates nothing when the model is valid.</summary>
    ValidationResult Validate();

    /// <summary>Checks every rule, adding violations to <paramref name="context"/> under its current path.</summary>
    void Validate(ref ValidationContext context);
}
