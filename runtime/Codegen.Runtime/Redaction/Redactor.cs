using System.Text;

namespace Codegen.Runtime.Redaction;

/// <summary>
/// Masks secrets before text reaches a log, an exception message or a <c>ToString()</c>. It works by allow-list:
/// query values, user info and fragments are masked unless the query parameter's name is explicitly allowed, so a
/// <c>start_url</c>'s <c>zak</c> or a <c>join_url</c>'s <c>pwd</c> never shows, whatever new parameter a server adds.
/// </summary>
public static class Redactor
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Masks every query value (unless its name is in <paramref name="allowedQueryNames"/>), any user info and
    /// any fragment of a URL; the scheme, host and path stay readable. Text that is not an absolute URL is masked whole.
    /// </summary>
    /// <param name="url">The URL, for example a meeting's <c>start_url</c>.</param>
    /// <param name="allowedQueryNames">Query parameter names whose values are safe to show (compared case-insensitively).</param>
    public static string RedactUrl(string? url, IEnumerable<string>? allowedQueryNames = null)
    {
        if (string.IsNullOrEmpty(url))
        {
            return string.Empty;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
        {
            return Mask;
        }
        var builder = new StringBuilder(url.Length);
        builder.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
        {
            builder.Append(Mask).Append('@');
        }
        builder.Append(uri.IsDefaultPort ? uri.Host : uri.Authority).Append(uri.AbsolutePath);
        AppendRedactedQuery(builder, uri.Query, allowedQueryNames);
        if (uri.Fragment.Length > 0)
        {
            builder.Append('#').Append(Mask);
        }
        return builder.ToString();
    }

    /// <summary>Masks a URL given as a <see cref="Uri"/>; see <see cref="RedactUrl(string?, IEnumerable{string}?)"/>.</summary>
    public static string RedactUrl(Uri? url, IEnumerable<string>? allowedQueryNames = null) =>
        url is null ? string.Empty : RedactUrl(url.OriginalString, allowedQueryNames);

    /// <summary>
    /// Masks secrets inside free text such as a server's error message: the query values of every URL in it and the
    /// credentials after <c>Bearer</c> / <c>Basic</c>.
    /// </summary>
    public static string RedactText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (text.IndexOf("://", StringComparison.Ordinal) < 0
            && text.IndexOf("Bearer", StringComparison.OrdinalIgnoreCase) < 0
            && text.IndexOf("Basic", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (StartsWithWord(text, i, "http://") || StartsWithWord(text, i, "https://"))
            {
                int end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or '>' or ')' or ']'))
                {
                    end++;
                }
                builder.Append(RedactUrl(text[i..end]));
                i = end;
            }
            else if (StartsWithWord(text, i, "Bearer ") || StartsWithWord(text, i, "Basic "))
            {
                int word = text.IndexOf(' ', i) + 1;
                builder.Append(text, i, word - i).Append(Mask);
                i = word;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '\'' or ',' or ';'))
                {
                    i++;
                }
                if (i > word && text[i - 1] == '.')
                {
                    i--; // a sentence's full stop, not part of the credential
                }
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// Returns a header value fit for a log: the value itself when the header's name is allowed, otherwise <see cref="Mask"/>.
    /// <c>Authorization</c>, <c>Proxy-Authorization</c>, <c>Cookie</c> and <c>Set-Cookie</c> are masked even when allowed.
    /// </summary>
    public static string RedactHeader(string name, string? value, IEnumerable<string> allowedHeaderNames)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(allowedHeaderNames);
        if (value is null)
        {
            return string.Empty;
        }
        if (IsAlwaysSecret(name) || !Contains(allowedHeaderNames, name))
        {
            return Mask;
        }
        return value;
    }

    /// <summary>Headers that are always masked.</summary>
    public static bool IsAlwaysSecret(string headerName) =>
        headerName.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || headerName.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);

    private static void AppendRedactedQuery(StringBuilder builder, string query, IEnumerable<string>? allowed)
    {
        if (query.Length <= 1)
        {
            return;
        }
        builder.Append('?');
        var pairs = query.AsSpan(1);
        bool first = true;
        foreach (var range in pairs.Split('&'))
        {
            var pair = pairs[range];
            if (!first)
            {
                builder.Append('&');
            }
            first = false;
            int equals = pair.IndexOf('=');
            if (equals < 0)
            {
                // A bare token may itself be a secret.
                builder.Append(pair.Length == 0 ? string.Empty : Mask);
                continue;
            }
            var name = pair[..equals];
            builder.Append(name).Append('=');
            var decodedName = Uri.UnescapeDataString(name.ToString());
            builder.Append(allowed is not null && Contains(allowed, decodedName) ? pair[(equals + 1)..] : Mask);
        }
    }

    private static bool Contains(IEnumerable<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWithWord(string text, int index, string word) =>
        string.CompareOrdinal(text, index, word, 0, word.Length) == 0
        || (text.Length - index >= word.Length && text.AsSpan(index, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
            && (index == 0 || !char.IsLetterOrDigit(text[index - 1])));
}
