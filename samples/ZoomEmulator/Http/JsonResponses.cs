using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZoomEmulator.Http;

/// <summary>Writes JSON answers with <see cref="Utf8JsonWriter"/> (no reflection-based serialization).</summary>
internal static class JsonResponses
{
    // Bodies are JSON for API clients, not HTML: keep '+', '<', '&' readable as Zoom does.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json;charset=UTF-8";
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body.WriteTo(writer);
        }

        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    /// <summary>Zoom's error body: <c>{"code":…,"message":…}</c>, plus <c>errors[{field,message}]</c> for validation.</summary>
    public static Task WriteZoomErrorAsync(
        HttpContext context, int statusCode, int code, string message, IReadOnlyList<FieldError>? errors = null)
    {
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors is { Count: > 0 })
        {
            var array = new JsonArray();
            foreach (var error in errors)
            {
                array.Add((JsonNode)new JsonObject { ["field"] = error.Field, ["message"] = error.Message });
            }

            body["errors"] = array;
        }

        return WriteAsync(context, statusCode, body);
    }
}

/// <summary>One entry of Zoom's <c>errors</c> array.</summary>
internal sealed record FieldError(string Field, string Message);
