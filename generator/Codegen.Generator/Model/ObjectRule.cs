namespace Codegen.Generator.Model;

/// <summary>A rule across several properties of one object (JSON Schema 2020-12 keywords that OpenAPI 3.1 allows).</summary>
internal abstract record ObjectRule(string Pointer);

/// <summary><c>not: {required: [a, b]}</c>: the listed properties never all present together.</summary>
internal sealed record NotAllPresentRule(string Pointer, EquatableArray<string> JsonNames) : ObjectRule(Pointer);

/// <summary><c>dependentRequired: {a: [b, c]}</c>: when <paramref name="JsonName"/> is present, so are the others.</summary>
internal sealed record DependentRequiredRule(string Pointer, string JsonName, EquatableArray<string> Requires) : ObjectRule(Pointer);

/// <summary>
/// <c>if</c>/<c>then</c>/<c>else</c> whose condition is one property's <c>const</c> or <c>enum</c> (optionally with that
/// property <c>required</c>).
/// </summary>
internal sealed record ConditionalRule(string Pointer, RuleCondition If, RuleSet Then, RuleSet? Else) : ObjectRule(Pointer);

/// <summary>The condition of a <see cref="ConditionalRule"/>: <paramref name="JsonName"/> equals one of <paramref name="Values"/> (JSON literal text).</summary>
/// <param name="RequirePresent">The condition also lists the property in <c>required</c> (absent → condition false).</param>
internal sealed record RuleCondition(string JsonName, EquatableArray<string> Values, bool RequirePresent);

/// <summary>What a branch adds: required properties and extra constraints on properties.</summary>
internal sealed record RuleSet(EquatableArray<string> Required, EquatableArray<PropertyConstraint> Properties);

/// <summary>Extra constraints on one property inside a branch.</summary>
internal sealed record PropertyConstraint(string JsonName, ValueConstraints Constraints);
