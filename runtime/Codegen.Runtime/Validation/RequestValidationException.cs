using System.Text;

namespace Codegen.Runtime.Validation;

/// <summary>
/// Thrown before anything is sent when a request breaks the rules its schema states. It lists every
/// violation at once; no HTTP request was made and no quota permit was taken.
/// </summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception for a list of violations.</summary>
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every violation.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        var builder = new StringBuilder();
        builder.Append("The request is invalid (").Append(errors.Count).Append(errors.Count == 1 ? " violation" : " violations").Append("); nothing was sent.");
        foreach (var error in errors)
        {
            builder.AppendLine().Append("  - ").Append(error.ToString());
        }
        return builder.ToString();
    }
}
