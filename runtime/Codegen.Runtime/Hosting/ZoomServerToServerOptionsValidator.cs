using Codegen.Runtime.Auth;
using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Hosting;

/// <summary>Validates the Zoom Server-to-Server OAuth settings of one named client when they are first read.</summary>
internal sealed class ZoomServerToServerOptionsValidator(string name) : IValidateOptions<ZoomServerToServerOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, ZoomServerToServerOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => $"Client '{name}': {e}"));
    }
}
