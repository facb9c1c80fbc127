using System.Text.Json;
using Codegen.Runtime.Json;

namespace Codegen.Runtime.Transport;

/// <summary>
/// One call of an operation, built by the generated client: the path with its parameters already escaped,
/// query and header values, the body, and the values that key the operation's quotas.
/// </summary>
public sealed class ApiRequest
{
    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private List<KeyValuePair<string, string>>? _cookies;
    private Dictionary<string, string>? _partitionValues;

    /// <summary>Starts a request.</summary>
    /// <param name="operation">The operation being called.</param>
    /// <param name="path">The path relative to the base address, path parameters already escaped.</param>
    public ApiRequest(ApiOperation operation, string path)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The operation being called.</summary>
    public ApiOperation Operation { get; }

    /// <summary>The escaped path, relative to the client's base address.</summary>
    public string Path { get; }

    /// <summary>Query parameters in order; a name may repeat (exploded arrays). Values are not yet escaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Header parameters in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Cookie parameters in order, sent in one <c>Cookie</c> header. Values are not yet escaped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Cookies => (IReadOnlyList<KeyValuePair<string, string>>?)_cookies ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Parameter values by parameter name, used to key quotas (for Zoom: <c>userId</c>).</summary>
    public IReadOnlyDictionary<string, string> PartitionValues => (IReadOnlyDictionary<string, string>?)_partitionValues ?? EmptyPartitions;

    /// <summary>Writes the JSON body, or <see langword="null"/> when the body is not JSON or there is none.</summary>
    public Action<Utf8JsonWriter>? JsonBody { get; private set; }

    /// <summary>Creates a non-JSON body (form, multipart, stream, text); called once per attempt.</summary>
    public Func<HttpContent>? ContentFactory { get; private set; }

    /// <summary>Adds a query parameter; <see langword="null"/> values are skipped.</summary>
    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            (_query ??= new List<KeyValuePair<string, string>>()).Add(new(name, value));
        }
    }

    /// <summary>Adds a header; <see langword="null"/> values are skipped.</summary>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new List<KeyValuePair<string, string>>()).Add(new(name, value));
        }
    }

    /// <summary>
    /// Adds a cookie (an OpenAPI <c>in: cookie</c> parameter); <see langword="null"/> values are skipped. All cookies go out
    /// in one <c>Cookie</c> header as <c>name=value; name2=value2</c>, each value percent-escaped; like every
    /// <c>Cookie</c> header it is never logged and never follows a redirect to another origin.
    /// </summary>
    public void AddCookie(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_cookies ??= new List<KeyValuePair<string, string>>()).Add(new(name, value));
        }
    }

    /// <summary>Records a parameter value that a quota policy may use as its partition key.</summary>
    public void SetPartitionValue(string parameterName, string value) =>
        (_partitionValues ??= new Dictionary<string, string>(StringComparer.Ordinal))[parameterName] = value;

    /// <summary>Sets a JSON body written by the model's generated code.</summary>
    public void SetJsonBody<T>(T body) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonBody = body.WriteJson;
        ContentFactory = null;
    }

    /// <summary>Sets a JSON body written by a custom writer (arrays, dictionaries, primitives).</summary>
    public void SetJsonBody(Action<Utf8JsonWriter> write)
    {
        JsonBody = write ?? throw new ArgumentNullException(nameof(write));
        ContentFactory = null;
    }

    /// <summary>Sets a non-JSON body; the factory is called once per attempt.</summary>
    public void SetContent(Func<HttpContent> contentFactory)
    {
        ContentFactory = contentFactory ?? throw new ArgumentNullException(nameof(contentFactory));
        JsonBody = null;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyPartitions = new Dictionary<string, string>();
}
