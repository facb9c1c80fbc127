namespace Codegen.Runtime.Transport;

/// <summary>
/// What the spec says about one operation; generated once per operation as a static field.
/// </summary>
public sealed class ApiOperation
{
    /// <summary>Describes an operation.</summary>
    /// <param name="operationId">The spec's operationId (or the derived name when the spec has none).</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path as the spec writes it, for example <c>/users/{userId}/meetings</c>.</param>
    /// <param name="quotaPolicies">Names of the <see cref="Quotas.QuotaPolicy"/> entries every call of this operation consumes.</param>
    public ApiOperation(string operationId, HttpMethod method, string pathTemplate, IReadOnlyList<string>? quotaPolicies = null)
    {
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        QuotaPolicies = quotaPolicies ?? Array.Empty<string>();
    }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template from the spec.</summary>
    public string PathTemplate { get; }

    /// <summary>Quota policy names this operation consumes.</summary>
    public IReadOnlyList<string> QuotaPolicies { get; }

    /// <summary>
    /// <see langword="true"/> for methods that may be re-sent when their outcome is unknown (GET, HEAD, OPTIONS,
    /// PUT, DELETE, TRACE). POST and PATCH are never re-sent once they may have reached the server.
    /// </summary>
    public bool IsIdempotent =>
        Method != HttpMethod.Post && Method != HttpMethod.Patch && Method.Method != "CONNECT";

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate} ({OperationId})";
}
