using Microsoft.Extensions.Options;

namespace Codegen.Runtime.Quotas;

/// <summary>
/// Validates <see cref="QuotaOptions"/> for <c>services.AddOptions&lt;QuotaOptions&gt;().ValidateOnStart()</c>; checks that
/// need the API's policies run again when the <see cref="QuotaLimiter"/> is created.
/// </summary>
public sealed class QuotaOptionsValidator : IValidateOptions<QuotaOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QuotaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
