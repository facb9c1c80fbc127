using System.Globalization;

namespace ZoomMeetings.Cli;

/// <summary>The result of reading the command line: options, or every usage problem found.</summary>
public sealed record ParseResult(SampleOptions? Options, IReadOnlyList<string> Errors)
{
    /// <summary><see langword="true"/> when the command line was understood.</summary>
    public bool Succeeded => Options is not null && Errors.Count == 0;
}

/// <summary>
/// A small hand-written parser: <c>--name value</c> or <c>--name=value</c>. It only rejects what it cannot read
/// (an unknown option, a missing value, a word where a number belongs). Whether a value is acceptable to Zoom
/// (passcode characters, topic length, day numbers…) is left to the generated validators, so every such problem is
/// reported at once, with the same words a library user sees.
/// </summary>
public static class CommandLine
{
    private static readonly string[] LocalStartFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Reads <paramref name="args"/>.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name = arg;
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 2)
            {
                name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }

            if (name is "--help" or "-h" or "-?")
            {
                options = options with { Help = true };
                continue;
            }
            if (name == "--json")
            {
                options = options with { Json = true };
                continue;
            }
            if (!Takes(name))
            {
                errors.Add(arg.StartsWith('-') ? $"Unknown option '{name}'." : $"Unexpected argument '{arg}' (options start with --).");
                continue;
            }

            string? value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    errors.Add($"Option '{name}' needs a value.");
                    continue;
                }
                value = args[++i];
            }
            options = Apply(options, name, value, errors);
        }
        return errors.Count == 0 ? new ParseResult(options, errors) : new ParseResult(null, errors);
    }

    private static bool Takes(string name) => name is "--topic" or "--start" or "--duration" or "--timezone" or "--recurrence"
        or "--occurrences" or "--password" or "--host" or "--count" or "--quota-store";

    private static SampleOptions Apply(SampleOptions options, string name, string value, List<string> errors)
    {
        switch (name)
        {
            case "--topic":
                return options with { Topic = value };
            case "--password":
                return options with { Password = value };
            case "--host":
                return options with { Host = value };
            case "--timezone":
                return options with { TimeZone = value };
            case "--duration":
                return Integer(name, value, errors) is { } duration ? options with { Duration = duration } : options;
            case "--occurrences":
                return Integer(name, value, errors) is { } occurrences ? options with { Occurrences = occurrences } : options;
            case "--count":
                if (Integer(name, value, errors) is not { } count)
                {
                    return options;
                }
                if (count is < 1 or > 10_000)
                {
                    errors.Add($"--count must be between 1 and 10000 (got {count}).");
                    return options;
                }
                return options with { Count = count };
            case "--start":
                return ParseStart(value, errors) is { } start ? options with { Start = start } : options;
            case "--recurrence":
                return ParseRecurrence(value, errors) is { } recurrence ? options with { Recurrence = recurrence } : options;
            case "--quota-store":
                return ParseQuotaStore(options, value, errors);
            default:
                errors.Add($"Unknown option '{name}'.");
                return options;
        }
    }

    private static int? Integer(string name, string value, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add($"{name} needs a whole number (got '{value}').");
        return null;
    }

    /// <summary>UTC (<c>…Z</c>), an explicit offset (converted to UTC), or a wall-clock time in <c>--timezone</c>.</summary>
    public static StartChoice? ParseStart(string value, List<string> errors)
    {
        var text = value.Trim();
        if (DateTime.TryParseExact(text, LocalStartFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new StartChoice(local, IsUtc: false);
        }
        if ((text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return new StartChoice(instant.UtcDateTime, IsUtc: true);
        }
        errors.Add($"--start needs an ISO date and time such as 2026-12-01T09:30 (in --timezone), 2026-12-01T08:30:00Z or 2026-12-01T09:30+01:00 (got '{value}').");
        return null;
    }

    private static bool HasOffset(string text) =>
        text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':';

    /// <summary><c>weekly:2,4</c>, <c>daily:N</c>, <c>monthly:DAY</c> or <c>none</c>.</summary>
    public static RecurrenceChoice? ParseRecurrence(string value, List<string> errors)
    {
        var text = value.Trim();
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return RecurrenceChoice.None;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? text : text[..colon]).ToLowerInvariant();
        var argument = colon < 0 ? "" : text[(colon + 1)..].Trim();
        switch (kind)
        {
            case "weekly" when argument.Length > 0:
                // Passed as typed: the generated validator checks the day list (1–7, comma-separated).
                return new RecurrenceChoice("weekly", WeeklyDays: argument);
            case "daily" when int.TryParse(argument.Length == 0 ? "1" : argument, NumberStyles.None, CultureInfo.InvariantCulture, out var every):
                return new RecurrenceChoice("daily", Interval: every);
            case "monthly" when int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var day):
                return new RecurrenceChoice("monthly", MonthlyDay: day);
        }
        errors.Add($"--recurrence must be weekly:DAYS (1 = Sunday … 7 = Saturday, e.g. weekly:2,4), daily:N, monthly:DAY or none (got '{value}').");
        return null;
    }

    private static SampleOptions ParseQuotaStore(SampleOptions options, string value, List<string> errors)
    {
        var text = value.Trim();
        if (text.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            return options with { QuotaStore = QuotaStoreKind.Memory, QuotaStoreTarget = null };
        }
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && text.Length > "sqlite:".Length)
        {
            return options with { QuotaStore = QuotaStoreKind.Sqlite, QuotaStoreTarget = text["sqlite:".Length..] };
        }
        if (text.StartsWith("redis:", StringComparison.OrdinalIgnoreCase))
        {
            var endpoint = text["redis:".Length..];
            var colon = endpoint.LastIndexOf(':');
            if (colon > 0 && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
            {
                return options with { QuotaStore = QuotaStoreKind.Redis, QuotaStoreTarget = endpoint };
            }
        }
        errors.Add($"--quota-store must be memory, sqlite:PATH or redis:HOST:PORT (got '{value}').");
        return options;
    }
}
