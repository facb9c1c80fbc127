using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Codegen.Runtime.Transport;

/// <summary>
/// The OpenAPI 3.x parameter serialization rules (RFC 6570 expansions) for lists and objects, so a generated client
/// only turns each value into its text and says which style applies.
/// </summary>
/// <remarks>
/// Values are escaped exactly once. Path text comes back escaped here (each value with <see cref="Uri.EscapeDataString(string)"/>,
/// delimiters literal). Query and cookie names and values are handed to <see cref="ApiRequest"/> unescaped: the transport
/// escapes them, delimiters included (a comma goes out as <c>%2C</c>, deepObject brackets as <c>%5B</c>/<c>%5D</c>).
/// Header text is sent as is. Null items and members are left out, as RFC 6570 leaves out undefined values;
/// an empty list or object sends nothing in a query, header or cookie.
/// </remarks>
public static class ParameterStyles
{
    /// <summary>A single value in the path: <c>blue</c>, <c>.blue</c> or <c>;color=blue</c>, escaped.</summary>
    /// <param name="name">The parameter's name (used by <see cref="ParameterStyle.Matrix"/>).</param>
    /// <param name="value">The value's text, not yet escaped.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    public static string Path(string name, string value, ParameterStyle style)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return CheckPathStyle(style) switch
        {
            ParameterStyle.Label => "." + Uri.EscapeDataString(value),
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + (value.Length == 0 ? "" : "=" + Uri.EscapeDataString(value)),
            _ => Uri.EscapeDataString(value),
        };
    }

    /// <summary>A list in the path, escaped: <c>a,b</c>, <c>.a,b</c> / <c>.a.b</c>, <c>;id=a,b</c> / <c>;id=a;id=b</c>; an empty list is empty text.</summary>
    /// <param name="name">The parameter's name (used by <see cref="ParameterStyle.Matrix"/>).</param>
    /// <param name="items">The items' texts, not yet escaped; null items are left out.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    /// <param name="explode">Each item on its own (label: <c>.</c> between items; matrix: <c>;name=</c> before each).</param>
    public static string Path(string name, IEnumerable<string?> items, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        var values = Escaped(items);
        if (values.Count == 0)
        {
            return string.Empty;
        }
        var escapedName = Uri.EscapeDataString(name);
        return CheckPathStyle(style) switch
        {
            ParameterStyle.Label => "." + string.Join(explode ? "." : ",", values),
            ParameterStyle.Matrix when explode => string.Concat(values.Select(v => ";" + escapedName + "=" + v)),
            ParameterStyle.Matrix => ";" + escapedName + "=" + string.Join(",", values),
            _ => string.Join(",", values),
        };
    }

    /// <summary>An object in the path, escaped: <c>R,100,G,200</c> or, exploded, <c>R=100,G=200</c> (label: <c>.</c> prefix; matrix: <c>;</c> pairs).</summary>
    /// <param name="name">The parameter's name (used by non-exploded <see cref="ParameterStyle.Matrix"/>).</param>
    /// <param name="members">Member names and value texts, not yet escaped; members without a value are left out.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, <see cref="ParameterStyle.Label"/> or <see cref="ParameterStyle.Matrix"/>.</param>
    /// <param name="explode">Members as <c>name=value</c> pairs rather than a flat <c>name,value</c> list.</param>
    public static string Path(string name, IEnumerable<KeyValuePair<string, string?>> members, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(name);
        var pairs = Present(members);
        if (pairs.Count == 0)
        {
            return string.Empty;
        }
        var escaped = pairs.Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value))).ToList();
        var flat = string.Join(",", escaped.Select(p => p.Name + "," + p.Value));
        return CheckPathStyle(style) switch
        {
            ParameterStyle.Label when explode => string.Concat(escaped.Select(p => "." + p.Name + "=" + p.Value)),
            ParameterStyle.Label => "." + flat,
            ParameterStyle.Matrix when explode => string.Concat(escaped.Select(p => ";" + p.Name + "=" + p.Value)),
            ParameterStyle.Matrix => ";" + Uri.EscapeDataString(name) + "=" + flat,
            _ when explode => string.Join(",", escaped.Select(p => p.Name + "=" + p.Value)),
            _ => flat,
        };
    }

    /// <summary>Adds a list to the query: one <c>name=a,b</c> (space- or pipe-delimited alike), or <c>name=a&amp;name=b</c> when exploded.</summary>
    /// <param name="request">The request to add to.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="items">The items' texts, not yet escaped; null items are left out.</param>
    /// <param name="style"><see cref="ParameterStyle.Form"/>, <see cref="ParameterStyle.SpaceDelimited"/> or <see cref="ParameterStyle.PipeDelimited"/>.</param>
    /// <param name="explode">One query pair per item.</param>
    public static void AddQuery(ApiRequest request, string name, IEnumerable<string?> items, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var delimiter = QueryDelimiter(style, allowDeepObject: false);
        var values = Present(items);
        if (values.Count == 0)
        {
            return;
        }
        if (explode)
        {
            foreach (var value in values)
            {
                request.AddQuery(name, value);
            }
        }
        else
        {
            request.AddQuery(name, string.Join(delimiter, values));
        }
    }

    /// <summary>
    /// Adds an object to the query: exploded form (and exploded space/pipe) as one pair per member (<c>R=100&amp;G=200</c>),
    /// non-exploded as <c>name=R,100,G,200</c> (or joined by spaces or pipes), deepObject as <c>name[R]=100&amp;name[G]=200</c>.
    /// </summary>
    /// <param name="request">The request to add to.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="members">Member names and value texts, not yet escaped; members without a value are left out.</param>
    /// <param name="style"><see cref="ParameterStyle.Form"/>, <see cref="ParameterStyle.SpaceDelimited"/>, <see cref="ParameterStyle.PipeDelimited"/> or <see cref="ParameterStyle.DeepObject"/>.</param>
    /// <param name="explode">One query pair per member (ignored by deepObject, which always has one per member).</param>
    public static void AddQuery(ApiRequest request, string name, IEnumerable<KeyValuePair<string, string?>> members, ParameterStyle style, bool explode)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var delimiter = QueryDelimiter(style, allowDeepObject: true);
        var pairs = Present(members);
        if (pairs.Count == 0)
        {
            return;
        }
        if (style == ParameterStyle.DeepObject)
        {
            foreach (var (member, value) in pairs)
            {
                request.AddQuery(name + "[" + member + "]", value);
            }
        }
        else if (explode)
        {
            foreach (var (member, value) in pairs)
            {
                request.AddQuery(member, value);
            }
        }
        else
        {
            request.AddQuery(name, Flatten(pairs, delimiter));
        }
    }

    /// <summary>A list as a header value (<c>simple</c>): <c>a,b</c>; <see langword="null"/> (no header) when empty.</summary>
    /// <param name="items">The items' texts; null items are left out.</param>
    public static string? Header(IEnumerable<string?> items)
    {
        var values = Present(items);
        return values.Count == 0 ? null : string.Join(",", values);
    }

    /// <summary>An object as a header value (<c>simple</c>): <c>R,100,G,200</c> or, exploded, <c>R=100,G=200</c>; <see langword="null"/> when empty.</summary>
    /// <param name="members">Member names and value texts; members without a value are left out.</param>
    /// <param name="explode">Members as <c>name=value</c> pairs.</param>
    public static string? Header(IEnumerable<KeyValuePair<string, string?>> members, bool explode)
    {
        var pairs = Present(members);
        if (pairs.Count == 0)
        {
            return null;
        }
        return explode ? string.Join(",", pairs.Select(p => p.Key + "=" + p.Value)) : Flatten(pairs, ",");
    }

    /// <summary>Adds a list as cookies (<c>form</c>): one <c>name=a,b</c>, or <c>name=a; name=b</c> when exploded.</summary>
    /// <param name="request">The request to add to.</param>
    /// <param name="name">The cookie's name.</param>
    /// <param name="items">The items' texts, not yet escaped; null items are left out.</param>
    /// <param name="explode">One cookie per item.</param>
    public static void AddCookie(ApiRequest request, string name, IEnumerable<string?> items, bool explode)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var values = Present(items);
        if (values.Count == 0)
        {
            return;
        }
        if (explode)
        {
            foreach (var value in values)
            {
                request.AddCookie(name, value);
            }
        }
        else
        {
            request.AddCookie(name, string.Join(",", values));
        }
    }

    /// <summary>Adds an object as cookies (<c>form</c>): one cookie per member when exploded, else <c>name=R,100,G,200</c>.</summary>
    /// <param name="request">The request to add to.</param>
    /// <param name="name">The parameter's name (the cookie's name when not exploded).</param>
    /// <param name="members">Member names and value texts, not yet escaped; members without a value are left out.</param>
    /// <param name="explode">One cookie per member.</param>
    public static void AddCookie(ApiRequest request, string name, IEnumerable<KeyValuePair<string, string?>> members, bool explode)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(name);
        var pairs = Present(members);
        if (pairs.Count == 0)
        {
            return;
        }
        if (explode)
        {
            foreach (var (member, value) in pairs)
            {
                request.AddCookie(member, value);
            }
        }
        else
        {
            request.AddCookie(name, Flatten(pairs, ","));
        }
    }

    /// <summary>The JSON text a writer produces: the value of a parameter described with <c>content: application/json</c>.</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    public static string JsonText(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ParameterStyle CheckPathStyle(ParameterStyle style) =>
        style is ParameterStyle.Simple or ParameterStyle.Label or ParameterStyle.Matrix
            ? style
            : throw new ArgumentOutOfRangeException(nameof(style), style, "A path parameter uses the simple, label or matrix style.");

    private static string QueryDelimiter(ParameterStyle style, bool allowDeepObject) => style switch
    {
        ParameterStyle.Form => ",",
        ParameterStyle.SpaceDelimited => " ",
        ParameterStyle.PipeDelimited => "|",
        ParameterStyle.DeepObject when allowDeepObject => ",",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style,
            allowDeepObject
                ? "A query object uses the form, spaceDelimited, pipeDelimited or deepObject style."
                : "A query list uses the form, spaceDelimited or pipeDelimited style."),
    };

    private static string Flatten(List<KeyValuePair<string, string>> pairs, string delimiter) =>
        string.Join(delimiter, pairs.Select(p => p.Key + delimiter + p.Value));

    private static List<string> Present(IEnumerable<string?> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var values = new List<string>();
        foreach (var item in items)
        {
            if (item is not null)
            {
                values.Add(item);
            }
        }
        return values;
    }

    private static List<string> Escaped(IEnumerable<string?> items)
    {
        var values = Present(items);
        for (int i = 0; i < values.Count; i++)
        {
            values[i] = Uri.EscapeDataString(values[i]);
        }
        return values;
    }

    private static List<KeyValuePair<string, string>> Present(IEnumerable<KeyValuePair<string, string?>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in members)
        {
            if (name is not null && value is not null)
            {
                pairs.Add(new(name, value));
            }
        }
        return pairs;
    }
}
