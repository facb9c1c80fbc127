using System.Text;
using Microsoft.AspNetCore.Http;

namespace Codegen.Runtime.Tests.Transport;

internal static class HttpContextExtensions
{
    public static Task WriteJsonAsync(this HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json, Encoding.UTF8);
    }
}
