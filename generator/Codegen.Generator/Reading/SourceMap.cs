using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading;

/// <summary>
/// Maps JSON pointers of a spec file to places in its text, so diagnostics point at the line the user wrote.
/// Microsoft.OpenApi reports problems by pointer only; this class reads the text once more with a plain
/// YAML/JSON tokenizer to learn where every node starts and ends. Offsets are UTF-16 char indexes into the
/// text given to <see cref="Build"/>, lines and columns are 0-based (as Roslyn's <c>LinePosition</c>).
/// </summary>
internal sealed partial class SourceMap
{
    private readonly string _filePath;
    private readonly string _text;
    private readonly List<int> _lineStarts;
    private readonly Dictionary<string, int> _byPointer = new(StringComparer.Ordinal);
    private readonly List<Node> _nodes = new();

    private SourceMap(string filePath, string text)
    {
        _filePath = filePath;
        _text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    private DiagnosticInfo? _syntaxError;

    // False for a map made by Deferred until something asks for a location: a spec that reads cleanly never pays
    // for tokenizing its text a second time.
    private bool _read;

    /// <summary>The located syntax error when the text is not well-formed YAML/JSON; <see langword="null"/> when it is.</summary>
    public DiagnosticInfo? SyntaxError
    {
        get
        {
            EnsureRead();
            return _syntaxError;
        }
        private set => _syntaxError = value;
    }

    /// <summary>Whether the text has been tokenized (always, for a map made by <see cref="Build"/>).</summary>
    internal bool IsTokenized => _read;

    /// <summary>
    /// Set for a spec bundled with its part files: a pointer into text copied from a part is located in that part
    /// (see <c>Bundling/BundleOrigins</c>); <see langword="null"/> from it means the root file's own text.
    /// </summary>
    internal Func<string, SourceLocation?>? Redirect { get; set; }

    /// <summary>The path of the spec file the locations refer to.</summary>
    public string FilePath => _filePath;

    /// <summary>
    /// Reads <paramref name="text"/> as JSON when the file name ends in <c>.json</c> (or, for other names, when it
    /// starts with <c>{</c>), else as YAML. Never throws: malformed input sets <see cref="SyntaxError"/> and keeps
    /// every node read before the error.
    /// </summary>
    public static SourceMap Build(string filePath, string text)
    {
        filePath ??= string.Empty;
        text ??= string.Empty;
        bool json = LooksLikeJson(filePath, text);
        var map = Read(filePath, text, json);
        if (json && map.SyntaxError is not null && !filePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // Sniffed as JSON by its '{' but not JSON: it may be YAML flow style, which is what the parser will try too.
            var yaml = Read(filePath, text, json: false);
            if (yaml.SyntaxError is null) return yaml;
        }
        return map;
    }

    /// <summary>
    /// Like <see cref="Build"/>, but the text is only tokenized when a location or the syntax error is first asked for.
    /// </summary>
    public static SourceMap Deferred(string filePath, string text) => new(filePath ?? string.Empty, text ?? string.Empty);

    private void EnsureRead()
    {
        if (_read)
        {
            return;
        }
        _read = true;
        var built = Build(_filePath, _text);
        _syntaxError = built._syntaxError;
        _nodes.AddRange(built._nodes);
        foreach (var entry in built._byPointer)
        {
            _byPointer[entry.Key] = entry.Value;
        }
    }

    private static SourceMap Read(string filePath, string text, bool json)
    {
        var map = new SourceMap(filePath, text) { _read = true };
        try
        {
            if (json)
            {
                map.ReadJson();
            }
            else
            {
                map.ReadYaml();
            }
        }
        catch (Exception exception)
        {
            // A tokenizer bug must not take the generator down; report it where reading stopped.
            map._syntaxError ??= map.SyntaxDiagnostic(map._nodes.Count > 0 ? map._nodes[map._nodes.Count - 1].NodeStart : 0, 0, exception.Message);
        }
        return map;
    }

    /// <summary>
    /// The place of the node at <paramref name="jsonPointer"/> (RFC 6901, also in <c>#/…</c> URI-fragment form).
    /// A mapping member is located at its key, anything else at the node itself. When the pointer does not exist,
    /// the nearest existing ancestor is returned; <see langword="null"/> only when nothing was read at all.
    /// </summary>
    public SourceLocation? Locate(string jsonPointer)
    {
        if (Redirect?.Invoke(jsonPointer) is { } redirected) return redirected;
        EnsureRead();
        var pointer = Normalize(jsonPointer);
        if (!_byPointer.ContainsKey(pointer) && WithArrayIndices(pointer) is { } indexed)
        {
            pointer = indexed;
        }
        while (true)
        {
            if (_byPointer.TryGetValue(pointer, out var index))
            {
                var node = _nodes[index];
                return node.KeyStart >= 0 ? ToLocation(node.KeyStart, node.KeyEnd) : ToLocation(node.NodeStart, TrimEnd(node.NodeStart, node.NodeEnd));
            }
            if (pointer.Length == 0) return null;
            int slash = pointer.LastIndexOf('/');
            pointer = slash <= 0 ? string.Empty : pointer.Substring(0, slash);
        }
    }

    /// <summary>
    /// Microsoft.OpenApi's error pointers leave out array indices (<c>…/schema/oneOf/properties/x</c>). Finds the
    /// first array element under which the rest of the pointer exists, at every such gap; <see langword="null"/>
    /// when no element fits.
    /// </summary>
    private string? WithArrayIndices(string pointer)
    {
        var segments = pointer.Split('/');
        return Search(segments.Length > 0 && segments[0].Length == 0 ? "" : segments[0], segments, 1, budget: new int[] { 10_000 });
    }

    private string? Search(string prefix, string[] segments, int next, int[] budget)
    {
        for (int i = next; i < segments.Length; i++)
        {
            if (--budget[0] < 0) return null;
            var candidate = prefix + "/" + segments[i];
            if (_byPointer.ContainsKey(candidate))
            {
                prefix = candidate;
                continue;
            }
            // Not a member here: if this node is an array, the segment belongs to one of its elements.
            for (int index = 0; _byPointer.ContainsKey(prefix + "/" + index.ToString(CultureInfo.InvariantCulture)); index++)
            {
                var found = Search(prefix + "/" + index.ToString(CultureInfo.InvariantCulture), segments, i, budget);
                if (found is not null) return found;
            }
            return null;
        }
        return prefix;
    }

    /// <summary>Whether <paramref name="jsonPointer"/> names a node that exists in the text.</summary>
    public bool Contains(string jsonPointer)
    {
        EnsureRead();
        return _byPointer.ContainsKey(Normalize(jsonPointer));
    }

    /// <summary>Escapes one pointer segment (<c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>).</summary>
    public static string EscapeSegment(string segment) =>
        segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>Builds a location from two char offsets into the text.</summary>
    public SourceLocation ToLocation(int start, int end)
    {
        start = Clamp(start);
        end = Math.Max(start, Clamp(end));
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new SourceLocation(_filePath, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private static string Normalize(string? jsonPointer)
    {
        if (string.IsNullOrEmpty(jsonPointer)) return string.Empty;
        var pointer = jsonPointer!;
        if (pointer[0] == '#')
        {
            pointer = pointer.Substring(1);
            try
            {
                pointer = Uri.UnescapeDataString(pointer);
            }
            catch (UriFormatException)
            {
                // keep the raw text: an odd fragment still finds its nearest ancestor
            }
        }
        return pointer == "/" ? string.Empty : pointer;
    }

    private static bool LooksLikeJson(string filePath, string text)
    {
        if (filePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return true;
        if (filePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || filePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (char c in text)
        {
            if (c == '\uFEFF' || char.IsWhiteSpace(c)) continue;
            return c == '{';
        }
        return false;
    }

    private int Record(string? pointer, int keyStart, int keyEnd, int nodeStart, int nodeEnd)
    {
        if (pointer is null) return -1;
        _nodes.Add(new Node(keyStart, keyEnd, nodeStart, nodeEnd));
        int index = _nodes.Count - 1;
        // First occurrence wins: a duplicate key is the parser's problem, the first place is where readers look.
        if (!_byPointer.ContainsKey(pointer)) _byPointer.Add(pointer, index);
        return index;
    }

    private void SetEnd(int index, int nodeEnd)
    {
        if (index < 0) return;
        var node = _nodes[index];
        _nodes[index] = new Node(node.KeyStart, node.KeyEnd, node.NodeStart, nodeEnd);
    }

    private DiagnosticInfo SyntaxDiagnostic(int start, int length, string message) =>
        new("CG0050", ToLocation(start, start + Math.Max(0, length)), new EquatableArray<string>(new[] { message }));

    private int Clamp(int offset) => offset < 0 ? 0 : offset > _text.Length ? _text.Length : offset;

    // Block collections end where the next token starts; stop the span at the last non-blank char.
    private int TrimEnd(int start, int end)
    {
        end = Clamp(end);
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return end;
    }

    private (int Line, int Column) LineColumn(int offset)
    {
        int low = 0, high = _lineStarts.Count - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (_lineStarts[middle] <= offset) low = middle;
            else high = middle - 1;
        }
        return (low, offset - _lineStarts[low]);
    }

    private static List<int> ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    /// <summary>Where one node is: its key (mapping members only, else -1) and the node itself, as char offsets.</summary>
    private readonly struct Node
    {
        public Node(int keyStart, int keyEnd, int nodeStart, int nodeEnd)
        {
            KeyStart = keyStart;
            KeyEnd = keyEnd;
            NodeStart = nodeStart;
            NodeEnd = nodeEnd;
        }

        public int KeyStart { get; }

        public int KeyEnd { get; }

        public int NodeStart { get; }

        public int NodeEnd { get; }
    }
}
