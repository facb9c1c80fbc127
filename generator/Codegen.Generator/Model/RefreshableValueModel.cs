namespace Codegen.Generator.Model;

/// <summary>
/// A response property that expires and can be fetched again (<c>x-codegen-expires-after</c> plus
/// <c>x-codegen-refresh-with</c>): becomes a <c>GetFresh{Property}Async</c> method on the client.
/// </summary>
/// <param name="ModelName">The C# record that carries the value, e.g. <c>Meeting</c>.</param>
/// <param name="PropertyName">The C# property, e.g. <c>StartUrl</c>.</param>
/// <param name="JsonName">The property's JSON name, e.g. <c>start_url</c>.</param>
/// <param name="LifetimeTicks">The spec's lifetime in ticks.</param>
/// <param name="OperationMethodName">The refresh operation's C# method name without <c>Async</c>.</param>
/// <param name="Arguments">Which record property fills each required parameter, in the method's parameter order.</param>
internal sealed record RefreshableValueModel(
    string ModelName,
    string PropertyName,
    string JsonName,
    long LifetimeTicks,
    string OperationMethodName,
    EquatableArray<RefreshArgument> Arguments);

/// <summary>One parameter of the refresh operation and the record property whose value it takes.</summary>
/// <param name="ParameterName">The C# parameter name of the operation method (passed as a named argument).</param>
/// <param name="PropertyName">The C# property of the record.</param>
/// <param name="PropertyIsNullable">The property's C# type is nullable, so the value is checked before the call.</param>
internal sealed record RefreshArgument(string ParameterName, string PropertyName, bool PropertyIsNullable);
