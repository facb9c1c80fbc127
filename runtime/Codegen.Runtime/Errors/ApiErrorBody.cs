using System.Globalization;
using System.Text.Json;

namespace Codegen.Runtime.Errors;

/// <summary>
/// Zoom's error body <c>{code, message, errors[{field, message}]}</c> (and the OAuth form <c>{error, reason}</c>),
/// read tolerantly with <see cref="Utf8JsonReader"/>: unknown members are skipped, a code may be a number or a
/// numeric string, and a body that is not JSON yields an empty result instead of an error.
/// </summary>
internal readonly record struct ApiErrorBody(int? Code, string? Message, IReadOnlyList<ApiFieldError> FieldErrors)
{
    public static ApiErrorBody Empty { get; } = new(null, null, Array.Empty<ApiFieldError>());

    public static ApiErrorBody Parse(ReadOnlySpan<byte> json)
    {
        int? code = null;
        string? message = null, error = null, reason = null, description = null;
        List<ApiFieldError>? fields = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Empty;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }
                switch (name)
                {
                    case "code":
                        code = ReadInt(ref reader);
                        break;
                    case "message":
                        message = ReadString(ref reader);
                        break;
                    case "error":
                        error = ReadString(ref reader);
                        break;
                    case "reason":
                        reason = ReadString(ref reader);
                        break;
                    case "error_description":
                        description = ReadString(ref reader);
                        break;
                    case "errors" when reader.TokenType == JsonTokenType.StartArray:
                        fields = ReadFieldErrors(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A truncated or malformed body: keep what was read before the fault.
        }
        message ??= reason ?? description ?? error;
        return new ApiErrorBody(code, message, (IReadOnlyList<ApiFieldError>?)fields ?? Array.Empty<ApiFieldError>());
    }

    private static List<ApiFieldError> ReadFieldErrors(ref Utf8JsonReader reader)
    {
        var list = new List<ApiFieldError>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? field = null, message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "field":
                        field = ReadString(ref reader);
                        break;
                    case "message":
                        message = ReadString(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            if (field is not null || message is not null)
            {
                list.Add(new ApiFieldError(field ?? string.Empty, message ?? string.Empty));
            }
        }
        return list;
    }

    private static int? ReadInt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return number;
        }
        if (reader.TokenType == JsonTokenType.String
            && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        reader.Skip();
        return null;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }
}
