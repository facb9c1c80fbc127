namespace Codegen.Generator.Emitting;

/// <summary>
/// Members of the spec's JSON helper class that read and write <c>format: time</c> (<see cref="System.TimeOnly"/>)
/// and <c>format: duration</c> (<see cref="System.TimeSpan"/>) text, in JSON and in path, query and header values.
/// A <c>TimeOnly</c> holds the UTC time of day: an RFC 3339 time with an offset (<c>10:30:00+02:00</c>) is converted
/// to UTC (<c>08:30</c>, wrapping past midnight), one without an offset is taken as UTC, and writing always gives
/// <c>HH:mm:ss[.fffffff]Z</c>. Durations are ISO 8601 (<c>P1DT2H</c>) both ways. Malformed text throws
/// <c>FormatException</c>, as a malformed <c>date</c> or <c>date-time</c> does.
/// </summary>
internal static class TimeFormatsCode
{
    public const string Members = @"
/// <summary>Reads an RFC 3339 time (<c>HH:mm:ss[.fraction]</c>, then <c>Z</c>, <c>+hh:mm</c>, <c>-hh:mm</c> or nothing) as the UTC time of day.</summary>
public static global::System.TimeOnly ParseTime(string text)
{
    int end = text.Length;
    var offset = global::System.TimeSpan.Zero;
    if (end > 0 && (text[end - 1] == 'Z' || text[end - 1] == 'z'))
    {
        end--;
    }
    else if (end > 6 && (text[end - 6] == '+' || text[end - 6] == '-') && text[end - 3] == ':')
    {
        int hours = int.Parse(text.Substring(end - 5, 2), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture);
        int minutes = int.Parse(text.Substring(end - 2, 2), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture);
        if (hours > 23 || minutes > 59)
        {
            throw new global::System.FormatException(""The time offset of '"" + text + ""' is out of range."");
        }
        offset = new global::System.TimeSpan(hours, minutes, 0);
        if (text[end - 6] == '-') offset = -offset;
        end -= 6;
    }
    var time = global::System.TimeOnly.ParseExact(text.Substring(0, end), TimeForms, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None);
    return time.Add(-offset);
}

private static readonly string[] TimeForms = { ""HH':'mm':'ss"", ""HH':'mm':'ss'.'FFFFFFF"" };

/// <summary>Writes a UTC time of day as RFC 3339: <c>HH:mm:ss[.fffffff]Z</c>.</summary>
public static string FormatTime(global::System.TimeOnly value) =>
    value.ToString(""HH':'mm':'ss.FFFFFFF"", global::System.Globalization.CultureInfo.InvariantCulture) + ""Z"";

/// <summary>Reads an ISO 8601 duration such as <c>P1DT2H30M</c> or <c>PT0.5S</c>.</summary>
public static global::System.TimeSpan ParseDuration(string text) => global::System.Xml.XmlConvert.ToTimeSpan(text);

/// <summary>Writes an ISO 8601 duration such as <c>P1DT2H30M</c>.</summary>
public static string FormatDuration(global::System.TimeSpan value) => global::System.Xml.XmlConvert.ToString(value);";
}
