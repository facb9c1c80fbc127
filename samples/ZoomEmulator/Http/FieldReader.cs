using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEmulator.Http;

/// <summary>
/// Reads typed fields from a JSON object and records a <see cref="FieldError"/> for each field of the wrong type.
/// A field that is absent or JSON <c>null</c> reads as "not given".
/// </summary>
internal sealed class FieldReader(List<FieldError> errors)
{
    public List<FieldError> Errors => errors;

    public void Fail(string field, string message) => errors.Add(new FieldError(field, message));

    public string? String(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        Fail(path, $"{path} must be a string.");
        return null;
    }

    public int? Integer(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        Fail(path, $"{path} must be an integer.");
        return null;
    }

    public bool? Boolean(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        Fail(path, $"{path} must be a boolean.");
        return null;
    }

    public JsonObject? Object(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }

        Fail(path, $"{path} must be an object.");
        return null;
    }

    public JsonArray? Array(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null or JsonArray)
        {
            return (JsonArray?)node;
        }

        Fail(path, $"{path} must be an array.");
        return null;
    }

    public void MaxLength(string? value, int max, string path)
    {
        if (value is not null && value.Length > max)
        {
            Fail(path, $"{path} must be at most {max} characters, got {value.Length}.");
        }
    }

    public void OneOf<T>(T? value, IReadOnlyCollection<T> allowed, string path)
        where T : struct
    {
        if (value is { } v && !allowed.Contains(v))
        {
            Fail(path, $"{path} must be one of {string.Join(", ", allowed)}, got {v}.");
        }
    }

    public void OneOf(string? value, IReadOnlyCollection<string> allowed, string path)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Fail(path, $"{path} must be one of {string.Join(", ", allowed)}, got '{value}'.");
        }
    }

    public void Range(int? value, int min, int max, string path)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(path, $"{path} must be between {min} and {max}, got {v}.");
        }
    }
}
