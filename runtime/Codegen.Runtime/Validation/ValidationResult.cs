namespace Codegen.Runtime.Validation;

/// <summary>
/// The outcome of validating a model. A valid result holds no list at all, so validating a valid
/// object allocates nothing.
/// </summary>
public readonly struct ValidationResult
{
    private readonly List<ValidationError>? _errors;

    internal ValidationResult(List<ValidationError>? errors) => _errors = errors;

    /// <summary>The result of a value that broke no rule.</summary>
    public static ValidationResult Valid => default;

    /// <summary><see langword="true"/> when no rule was broken.</summary>
    public bool IsValid => _errors is null || _errors.Count == 0;

    /// <summary>Every broken rule, in the order the validator met them.</summary>
    public IReadOnlyList<ValidationError> Errors => (IReadOnlyList<ValidationError>?)_errors ?? Array.Empty<ValidationError>();

    /// <summary>Throws <see cref="RequestValidationException"/> listing every violation when the result is not valid.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new RequestValidationException(Errors);
        }
    }
}
