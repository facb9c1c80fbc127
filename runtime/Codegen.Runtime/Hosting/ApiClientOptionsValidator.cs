using Codegen.Runtime.Transport;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Hosting;

/// <summary>Validates the <see cref="ApiClientOptions"/> of one named client when they are first read.</summary>
internal sealed class ApiClientOptionsValidator(string name, ApiDescription description) : IValidateOptions<ApiClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, ApiClientOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }
        var errors = options.Validate(description);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Client '{name}': {e}"));
    }
}
