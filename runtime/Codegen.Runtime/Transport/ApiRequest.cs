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
    // Most operations have one partition value (Zoom: userId): it is kept in two fields, so the quota limiter finds it
    // without a dictionary (a dictionary lookup is several cache misses per acquire when many keys are in use).
    private string? _partitionName;
    private string? _partitionValue;
    private Dictionary<string, string>? _partitionValues;
    private Func<bool>? _canResendBody;

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
    public IReadOnlyDictionary<string, string> PartitionValues
    {
        get
        {
            if (_partitionValues is not null)
            {
                return _partitionValues;
            }
            // Built on first read only (the limiter does not read it); from then on the dictionary holds every value.
            return _partitionName is null
                ? EmptyPartitions
                : _partitionValues = new Dictionary<string, string>(StringComparer.Ordinal) { [_partitionName] = _partitionValue! };
        }
    }

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
    public void SetPartitionValue(string parameterName, string value)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        if (_partitionValues is null && (_partitionName is null || string.Equals(_partitionName, parameterName, StringComparison.Ordinal)))
        {
            _partitionName = parameterName;
            _partitionValue = value;
            return;
        }
        _partitionValues ??= new Dictionary<string, string>(StringComparer.Ordinal) { [_partitionName!] = _partitionValue! };
        _partitionValues[parameterName] = value;
    }

    /// <summary>The value recorded for a partition parameter, without building <see cref="PartitionValues"/>.</summary>
    internal bool TryGetPartitionValue(string parameterName, out string? value)
    {
        if (_partitionValues is not null)
        {
            return _partitionValues.TryGetValue(parameterName, out value);
        }
        // Parameter names are literals in generated code and in the policy: usually the same string object, which
        // string.Equals recognises before comparing characters.
        if (string.Equals(_partitionName, parameterName, StringComparison.Ordinal))
        {
            value = _partitionValue;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Sets a JSON body written by the model's generated code.</summary>
    public void SetJsonBody<T>(T body) where T : IJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonBody = body.WriteJson;
        ContentFactory = null;
        _canResendBody = null;
    }

    /// <summary>Sets a JSON body written by a custom writer (arrays, dictionaries, primitives).</summary>
    public void SetJsonBody(Action<Utf8JsonWriter> write)
    {
        JsonBody = write ?? throw new ArgumentNullException(nameof(write));
        ContentFactory = null;
        _canResendBody = null;
    }

    /// <summary>Sets a non-JSON body; the factory is called once per attempt.</summary>
    public void SetContent(Func<HttpContent> contentFactory)
    {
        ContentFactory = contentFactory ?? throw new ArgumentNullException(nameof(contentFactory));
        JsonBody = null;
        _canResendBody = null;
    }

    /// <summary>Sets an <c>application/x-www-form-urlencoded</c> body; fields are in order and a name may repeat.</summary>
    /// <param name="fields">Field names and values in their wire text form; copied.</param>
    public void SetFormBody(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        SetContent(RequestBodies.Form(fields));
    }

    /// <summary>Sets a <c>multipart/form-data</c> body.</summary>
    /// <param name="body">The parts.</param>
    public void SetMultipartBody(MultipartBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        SetContent(body.CreateContent);
        _canResendBody = () => body.CanResend;
    }

    /// <summary>Sets a text body (UTF-8 unless <paramref name="mediaType"/> names a charset).</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">The media type, e.g. <c>text/plain</c>.</param>
    public void SetTextBody(string text, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mediaType);
        SetContent(RequestBodies.Text(text, mediaType));
    }

    /// <summary>
    /// Sets a binary body read from <paramref name="stream"/> (from its current position; never disposed here). A
    /// seekable stream is rewound for each retry; one that cannot seek is not sent again once read (the call then
    /// fails with the error of the attempt that read it).
    /// </summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="mediaType">The media type; a wildcard such as <c>image/*</c> is sent as <c>application/octet-stream</c>.</param>
    public void SetStreamBody(Stream stream, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mediaType);
        var replayable = new ReplayableStream(stream);
        SetContent(RequestBodies.Stream(replayable, mediaType));
        _canResendBody = () => replayable.CanResend;
    }

    /// <summary>The media types the success answer may have (the <c>Accept</c> header); JSON when <see langword="null"/>.</summary>
    public string? Accept { get; private set; }

    /// <summary>Asks for a non-JSON answer (a file, an image, text).</summary>
    /// <param name="mediaTypes">One or more media types, comma-separated, as the API declares them.</param>
    public void SetAccept(string mediaTypes) => Accept = mediaTypes ?? throw new ArgumentNullException(nameof(mediaTypes));

    /// <summary>False when the body is a stream that cannot seek and was already read: another attempt cannot send it.</summary>
    internal bool CanResendBody => _canResendBody?.Invoke() ?? true;

    private static readonly IReadOnlyDictionary<string, string> EmptyPartitions = new Dictionary<string, string>();
}
