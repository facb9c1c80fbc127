namespace Codegen.Runtime.Validation;

/// <summary>One rule that a value broke.</summary>
/// <param name="Path">JSON path of the offending value, for example <c>recurrence.weekly_days</c> or <c>tracking_fields[2].field</c>.</param>
/// <param name="Rule">The schema keyword that failed, for example <c>maxLength</c>, <c>required</c> or <c>dependentRequired</c>.</param>
/// <param name="Message">A readable explanation. It never contains the offending value, so it is safe to log.</param>
public sealed record ValidationError(string Path, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? $"{Message} ({Rule})" : $"{Path}: {Message} ({Rule})";
}
