namespace Codegen.Runtime.Errors;

/// <summary>One field the server rejected, from the <c>errors</c> array of an error body.</summary>
/// <param name="Field">The field's path as the server names it, for example <c>settings.email</c>.</param>
/// <param name="Message">The server's explanation.</param>
public sealed record ApiFieldError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
