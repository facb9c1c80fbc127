namespace Codegen.Generator.Model;

/// <summary>One operation of the API.</summary>
/// <param name="OperationId">The spec's operationId, or a derived one when missing.</param>
/// <param name="MethodName">The C# method name without the <c>Async</c> suffix.</param>
/// <param name="HttpMethod">Upper-case HTTP method.</param>
/// <param name="Path">The path template as the spec writes it.</param>
/// <param name="QuotaPolicies">Names of the <see cref="QuotaModel"/>s every call consumes (quota names, then label policy).</param>
internal sealed record OperationModel(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses,
    EquatableArray<string> QuotaPolicies,
    bool IsDeprecated,
    SourceLocation? Location)
{
    /// <summary>Parameters whose values key one of the operation's quotas (set on the request as partition values).</summary>
    public EquatableArray<string> PartitionParameters { get; init; } = EquatableArray<string>.Empty;
}

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>An operation parameter.</summary>
/// <param name="Name">The name on the wire.</param>
/// <param name="CSharpName">The C# parameter name (camelCase, keyword-safe, unique in the method).</param>
/// <param name="Style">The serialization style, checked against the location: <c>simple</c>, <c>label</c>, <c>matrix</c>, <c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c> or <c>deepObject</c>.</param>
/// <param name="Explode">OpenAPI's <c>explode</c> (Swagger 2.0: <c>collectionFormat: multi</c>).</param>
internal sealed record ParameterModel(
    string Name,
    string CSharpName,
    ParameterLocation In,
    TypeRef Type,
    bool IsRequired,
    string? Description,
    string Style,
    bool Explode,
    ValueConstraints Constraints)
{
    /// <summary>What the value is made of, which decides how its text is built (see docs/parameters.md).</summary>
    public ParameterShape Shape { get; init; } = ParameterShape.Value;

    /// <summary>The members written for <see cref="ParameterShape.Object"/> (record properties) and <see cref="ParameterShape.Union"/> (variants).</summary>
    public EquatableArray<ParameterMember> Members { get; init; } = EquatableArray<ParameterMember>.Empty;
}

/// <summary>What a parameter's value is made of.</summary>
internal enum ParameterShape
{
    /// <summary>One primitive, enum or formatted value.</summary>
    Value,
    /// <summary>A list of values.</summary>
    List,
    /// <summary>A generated record whose properties are values.</summary>
    Object,
    /// <summary>A string-keyed dictionary of values (free-form object).</summary>
    Map,
    /// <summary>A generated union whose variants are values (e.g. integer or string): the set variant's text is sent.</summary>
    Union,
    /// <summary>A <c>content: application/json</c> parameter: the value's JSON text is sent.</summary>
    Json,
}

/// <summary>A record property or union variant written into a parameter.</summary>
/// <param name="WireName">The name on the wire (the JSON property name; the variant name for unions).</param>
/// <param name="CSharpName">The C# property name.</param>
/// <param name="Type">Its type (always a value: primitive, enum or formatted).</param>
internal sealed record ParameterMember(string WireName, string CSharpName, TypeRef Type);

/// <summary>The request body.</summary>
/// <param name="ContentType">The chosen media type, e.g. <c>application/json</c>.</param>
internal sealed record RequestBodyModel(string ContentType, TypeRef Type, bool IsRequired, string? Description);

/// <summary>One declared response.</summary>
/// <param name="StatusCode"><c>201</c>, <c>4XX</c> or <c>default</c>.</param>
internal sealed record ResponseModel(string StatusCode, string? ContentType, TypeRef? Type, string? Description);

/// <summary>A quota the API declares (see docs/spec-extensions.md): becomes a runtime <c>QuotaPolicy</c>.</summary>
/// <param name="Window"><c>CalendarDayUtc</c>, <c>Fixed</c> or <c>Rolling</c> (the runtime's QuotaWindowKind names).</param>
/// <param name="PeriodTicks">The window length in ticks.</param>
internal sealed record QuotaModel(
    string Name,
    int Limit,
    string Window,
    long PeriodTicks,
    string? PartitionParameter,
    bool PartitionIgnoreCase,
    EquatableArray<PlanLimit> Plans,
    string? Description);

/// <summary>A plan-specific limit of a rate-limit label.</summary>
internal sealed record PlanLimit(string Plan, int Limit);
