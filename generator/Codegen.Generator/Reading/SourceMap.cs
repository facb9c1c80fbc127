using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Generator.Model;

namespace Codegen.Generator.Reading;

/// <summary>
/// Maps JSON pointers of a spec file to places in its text, so diagnostics point at the line the user wrote.
/// Microsoft.OpenApi reports problems by pointer only; this class reads the text once more with a plain
/// YAML/JSON tokenizer (for YAML, in the same pass as the document: <see cref="ReadYamlDocument"/>) to learn where
/// every node starts and ends, and under which parent and key it sits. Offsets are UTF-16 char indexes into the
/// text given to <see cref="Build"/>, lines and columns are 0-based (as Roslyn's <c>LinePosition</c>).
/// </summary>
internal sealed partial class SourceMap
{
    private readonly string _filePath;
    private readonly string _text;
    private readonly List<int> _lineStarts;
    // Every node once, in text order, and its place under its parent. A pointer is found by walking its segments
    // from the root, so no pointer string is built per node: on a 2 MB spec that was most of the map's cost.
    private List<Node> _nodes = new();
    private Dictionary<ChildKey, int> _children = new();

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
        var map = Deferred(filePath, text);
        map.EnsureRead();
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
        bool json = LooksLikeJson(_filePath, _text);
        Tokenize(json);
        if (json && _syntaxError is not null && !_filePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            // Sniffed as JSON by its '{' but not JSON: it may be YAML flow style, which is what the parser will try too.
            var yaml = Read(_filePath, _text, json: false);
            if (yaml._syntaxError is null)
            {
                _nodes = yaml._nodes;
                _children = yaml._children;
                _syntaxError = null;
            }
        }
    }

    private static SourceMap Read(string filePath, string text, bool json)
    {
        var map = new SourceMap(filePath, text) { _read = true };
        map.Tokenize(json);
        return map;
    }

    private void Tokenize(bool json)
    {
        try
        {
            if (json)
            {
                ReadJson();
            }
            else
            {
                ReadYaml();
            }
        }
        catch (Exception exception)
        {
            // A tokenizer bug must not take the generator down; report it where reading stopped.
            _syntaxError ??= SyntaxDiagnostic(_nodes.Count > 0 ? _nodes[_nodes.Count - 1].NodeStart : 0, 0, exception.Message);
        }
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
        if (_nodes.Count == 0) return null;
        var segments = Segments(Normalize(jsonPointer));
        int found = Find(0, segments, 0, new int[] { 10_000 });
        if (found < 0)
        {
            // The nearest existing ancestor: walk down while the segments exist.
            found = 0;
            foreach (var segment in segments)
            {
                int child = Child(found, segment);
                if (child < 0) break;
                found = child;
            }
        }
        var node = _nodes[found];
        return node.KeyStart >= 0 ? ToLocation(node.KeyStart, node.KeyEnd) : ToLocation(node.NodeStart, TrimEnd(node.NodeStart, node.NodeEnd));
    }

    /// <summary>Whether <paramref name="jsonPointer"/> names a node that exists in the text.</summary>
    public bool Contains(string jsonPointer)
    {
        EnsureRead();
        if (_nodes.Count == 0) return false;
        int node = 0;
        foreach (var segment in Segments(Normalize(jsonPointer)))
        {
            node = Child(node, segment);
            if (node < 0) return false;
        }
        return true;
    }

    /// <summary>
    /// The node at <paramref name="segments"/> below <paramref name="node"/>, or -1. Microsoft.OpenApi's error pointers
    /// leave out array indices (<c>…/schema/oneOf/properties/x</c>): where a segment is missing under a sequence, the
    /// first element under which the rest of the pointer exists is taken, at every such gap.
    /// </summary>
    private int Find(int node, string[] segments, int next, int[] budget)
    {
        for (int i = next; i < segments.Length; i++)
        {
            if (--budget[0] < 0) return -1;
            int child = Child(node, segments[i]);
            if (child >= 0)
            {
                node = child;
                continue;
            }
            // Not a member here: if this node is a sequence, the segment belongs to one of its elements.
            for (int index = 0; _children.TryGetValue(new ChildKey(node, null, index), out int element); index++)
            {
                int found = Find(element, segments, i, budget);
                if (found >= 0) return found;
            }
            return -1;
        }
        return node;
    }

    /// <summary>The child of <paramref name="node"/> named by one pointer segment (a key, or an index into a sequence).</summary>
    private int Child(int node, string segment)
    {
        if (_nodes[node].IsSequence)
        {
            return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                && _children.TryGetValue(new ChildKey(node, null, index), out int item) ? item : -1;
        }
        return _children.TryGetValue(new ChildKey(node, segment, -1), out int member) ? member : -1;
    }

    /// <summary><c>/a/b~1c</c> → <c>a</c>, <c>b/c</c>; the empty pointer (the root) has no segments.</summary>
    private static string[] Segments(string pointer)
    {
        if (pointer.Length == 0) return Array.Empty<string>();
        var segments = pointer.Substring(pointer[0] == '/' ? 1 : 0).Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            if (segments[i].IndexOf('~') >= 0) segments[i] = segments[i].Replace("~1", "/").Replace("~0", "~");
        }
        return segments;
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

    /// <summary>No place in the tree: the root's parent, and nodes under a complex (non-scalar) YAML key.</summary>
    private const int Unlinked = -1;

    /// <summary>
    /// Adds a node under <paramref name="parent"/>, as member <paramref name="key"/> of a mapping or element
    /// <paramref name="index"/> of a sequence; returns its index, or <see cref="Unlinked"/> when it has no pointer.
    /// </summary>
    private int Record(int parent, string? key, int index, bool isRoot, bool isSequence, int keyStart, int keyEnd, int nodeStart, int nodeEnd)
    {
        if (!isRoot && (parent == Unlinked || (key is null && index < 0))) return Unlinked;
        _nodes.Add(new Node(keyStart, keyEnd, nodeStart, nodeEnd, isSequence));
        int added = _nodes.Count - 1;
        // First occurrence wins: a duplicate key is the parser's problem, the first place is where readers look.
        if (!isRoot)
        {
            var childKey = new ChildKey(parent, key, key is null ? index : -1);
            if (!_children.ContainsKey(childKey)) _children.Add(childKey, added);
        }
        return added;
    }

    private void SetEnd(int index, int nodeEnd)
    {
        if (index < 0) return;
        var node = _nodes[index];
        _nodes[index] = new Node(node.KeyStart, node.KeyEnd, node.NodeStart, nodeEnd, node.IsSequence);
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
        public Node(int keyStart, int keyEnd, int nodeStart, int nodeEnd, bool isSequence)
        {
            KeyStart = keyStart;
            KeyEnd = keyEnd;
            NodeStart = nodeStart;
            NodeEnd = nodeEnd;
            IsSequence = isSequence;
        }

        public int KeyStart { get; }

        public int KeyEnd { get; }

        public int NodeStart { get; }

        public int NodeEnd { get; }

        public bool IsSequence { get; }
    }

    /// <summary>A node's place under its parent: a mapping key (<see cref="Index"/> -1) or a sequence index (no key).</summary>
    private readonly struct ChildKey : IEquatable<ChildKey>
    {
        public ChildKey(int parent, string? key, int index)
        {
            Parent = parent;
            Key = key;
            Index = index;
        }

        public int Parent { get; }

        public string? Key { get; }

        public int Index { get; }

        public bool Equals(ChildKey other) => Parent == other.Parent && Index == other.Index && string.Equals(Key, other.Key, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ChildKey other && Equals(other);

        public override int GetHashCode() => unchecked((Parent * 397) ^ (Key is null ? Index : StringComparer.Ordinal.GetHashCode(Key)));
    }
}
