using System.Collections.Generic;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace Codegen.Generator.Reading;

internal sealed partial class SourceMap
{
    // Set while ReadYamlDocument builds the document's JSON tree in the same pass.
    private YamlJsonBuilder? _json;

    // Reads the first YAML document with SharpYaml's event parser (no recursion, so deep nesting cannot
    // overflow the stack). Marks give char indexes; a leading BOM is skipped and the offsets shifted back.
    private void ReadYaml()
    {
        int shift = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        var parser = Parser.CreateParser(new StringReader(shift == 0 ? _text : _text.Substring(shift)));
        var stack = new Stack<YamlFrame>();
        bool rootSeen = false;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current;
                if (current is null) continue;
                int start = current.Start.Index + shift;
                int end = current.End.Index + shift;
                switch (current)
                {
                    case DocumentEnd:
                        if (rootSeen) return;
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        if (stack.Count > 0) SetEnd(stack.Pop().NodeIndex, end);
                        _json?.Close();
                        break;
                    case Scalar:
                    case AnchorAlias:
                    case MappingStart:
                    case SequenceStart:
                        rootSeen = true;
                        OnYamlNode(current, start, end, stack);
                        break;
                }
            }
        }
        catch (YamlException exception)
        {
            int start = exception.Start.Index + shift;
            int length = exception.End.Index + shift - start;
            SyntaxError = SyntaxDiagnostic(start, length, StripMarks(exception.Message));
        }
    }

    private void OnYamlNode(ParsingEvent node, int start, int end, Stack<YamlFrame> stack)
    {
        int parent = Unlinked, index = -1;
        string? key = null;
        int keyStart = -1, keyEnd = -1;
        if (stack.Count > 0)
        {
            var frame = stack.Peek();
            parent = frame.NodeIndex;
            if (frame.IsMapping && frame.ExpectingKey)
            {
                // A plain scalar key names the next value; a complex key (a collection) is walked but not recorded.
                frame.PendingKey = node is Scalar scalar ? scalar.Value : null;
                _json?.Key(node);
                frame.KeyStart = start;
                frame.KeyEnd = end;
                frame.ExpectingKey = false;
                if (node is Scalar) return;
                parent = Unlinked;
            }
            else if (frame.IsMapping)
            {
                key = frame.PendingKey;
                if (key is null) parent = Unlinked;
                keyStart = frame.KeyStart;
                keyEnd = frame.KeyEnd;
                frame.ExpectingKey = true;
            }
            else
            {
                index = frame.NextIndex++;
            }
        }

        int added = Record(parent, key, index, stack.Count == 0, node is SequenceStart, keyStart, keyEnd, start, end);
        _json?.Value(node, key);
        if (node is MappingStart || node is SequenceStart)
        {
            stack.Push(new YamlFrame(node is MappingStart, added));
        }
    }

    // SharpYaml prefixes its message with "(Lin: 1, Col: 2, Chr: 3) - (…): "; the diagnostic has its own location.
    private static string StripMarks(string message)
    {
        int separator = message.IndexOf("): ", System.StringComparison.Ordinal);
        return message.StartsWith("(", System.StringComparison.Ordinal) && separator > 0 ? message.Substring(separator + 3) : message;
    }

    private sealed class YamlFrame
    {
        public YamlFrame(bool isMapping, int nodeIndex)
        {
            IsMapping = isMapping;
            NodeIndex = nodeIndex;
            ExpectingKey = isMapping;
        }

        public bool IsMapping { get; }

        public int NodeIndex { get; }

        public bool ExpectingKey { get; set; }

        public string? PendingKey { get; set; }

        public int KeyStart { get; set; }

        public int KeyEnd { get; set; }

        public int NextIndex { get; set; }
    }
}
