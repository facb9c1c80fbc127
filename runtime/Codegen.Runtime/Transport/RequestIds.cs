namespace Codegen.Runtime.Transport;

/// <summary>Finds the server's request id (<c>x-zm-trackingid</c>, <c>x-request-id</c>) in an answer.</summary>
internal static class RequestIds
{
    public static string? Find(HttpResponseMessage response, ApiClientOptions options)
    {
        foreach (var name in options.RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value.Trim();
                    }
                }
            }
        }
        return null;
    }
}
