using System.Text;
using Codegen.Runtime.Redaction;

namespace Codegen.Runtime.Transport;

/// <summary>Formats answer headers for a log line, masking every value whose header is not allow-listed.</summary>
internal static class HeaderFormatter
{
    public static string Format(HttpResponseMessage response, ICollection<string> allowed)
    {
        var builder = new StringBuilder();
        Append(builder, response.Headers, allowed);
        Append(builder, response.Content.Headers, allowed);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, System.Net.Http.Headers.HttpHeaders headers, IEnumerable<string> allowed)
    {
        foreach (var header in headers)
        {
            if (builder.Length > 0)
            {
                builder.Append("; ");
            }
            builder.Append(header.Key).Append(": ").Append(Redactor.RedactHeader(header.Key, string.Join(",", header.Value), allowed));
        }
    }
}
