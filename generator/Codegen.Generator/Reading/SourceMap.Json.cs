using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Codegen.Generator.Reading;

internal sealed partial class SourceMap
{
    // Reads JSON with Utf8JsonReader. Its positions are UTF-8 byte offsets; tokens arrive in text order, so one
    // forward-moving cursor turns them into UTF-16 char offsets without a byte→char table for the whole file.
    private void ReadJson()
    {
        int bom = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        byte[] bytes = Encoding.UTF8.GetBytes(bom == 0 ? _text : _text.Substring(bom));
        var cursor = new Utf8Cursor(_text, bom);
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 4096 };
        var reader = new Utf8JsonReader(bytes, options);
        var stack = new Stack<JsonFrame>();
        string? pendingKey = null;
        int keyStart = -1, keyEnd = -1;
        try
        {
            while (reader.Read())
            {
                int tokenStart = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingKey = reader.GetString();
                        keyStart = cursor.CharAt(tokenStart);
                        keyEnd = cursor.CharAt(tokenStart + RawLength(ref reader));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        if (stack.Count > 0) SetEnd(stack.Pop().NodeIndex, cursor.CharAt(tokenStart + 1));
                        continue;
                }

                int parent = Unlinked, index = -1;
                string? key = null;
                int thisKeyStart = -1, thisKeyEnd = -1;
                if (stack.Count > 0)
                {
                    var frame = stack.Peek();
                    parent = frame.NodeIndex;
                    if (frame.IsObject)
                    {
                        key = pendingKey ?? string.Empty;
                        thisKeyStart = keyStart;
                        thisKeyEnd = keyEnd;
                    }
                    else
                    {
                        index = frame.NextIndex++;
                    }
                }

                int nodeStart = cursor.CharAt(tokenStart);
                bool isObject = reader.TokenType == JsonTokenType.StartObject;
                if (isObject || reader.TokenType == JsonTokenType.StartArray)
                {
                    int added = Record(parent, key, index, stack.Count == 0, !isObject, thisKeyStart, thisKeyEnd, nodeStart, nodeStart + 1);
                    stack.Push(new JsonFrame(isObject, added));
                }
                else
                {
                    Record(parent, key, index, stack.Count == 0, isSequence: false, thisKeyStart, thisKeyEnd, nodeStart, cursor.CharAt(tokenStart + RawLength(ref reader)));
                }
                if (stack.Count == 0) return; // one top-level value; trailing text is the JSON parser's concern
            }
        }
        catch (JsonException exception)
        {
            int offset = JsonErrorOffset(bom, bytes, (int)(exception.LineNumber ?? 0), (int)(exception.BytePositionInLine ?? 0));
            SyntaxError = SyntaxDiagnostic(offset, offset < _text.Length ? 1 : 0, JsonMessage(exception.Message));
        }
    }

    // Strings and property names include their quotes; ValueSpan holds the raw (still escaped) bytes.
    private static int RawLength(ref Utf8JsonReader reader)
    {
        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        return reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.PropertyName ? length + 2 : length;
    }

    // JsonException counts lines by '\n' and columns in bytes; walk that line's chars to find the char offset.
    private int JsonErrorOffset(int bom, byte[] bytes, int line, int bytePositionInLine)
    {
        int offset = bom;
        for (int seen = 0; seen < line && offset < _text.Length; offset++)
        {
            if (_text[offset] == '\n') seen++;
        }
        int consumed = 0;
        while (offset < _text.Length && consumed < bytePositionInLine && _text[offset] != '\n')
        {
            int width = Utf8Cursor.Width(_text, offset, out int chars);
            consumed += width;
            offset += chars;
        }
        return offset;
    }

    // "… LineNumber: 3 | BytePositionInLine: 7." repeats the location the diagnostic already has.
    private static string JsonMessage(string message)
    {
        int marker = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return marker > 0 ? message.Substring(0, marker).TrimEnd() : message;
    }

    private sealed class JsonFrame
    {
        public JsonFrame(bool isObject, int nodeIndex)
        {
            IsObject = isObject;
            NodeIndex = nodeIndex;
        }

        public bool IsObject { get; }

        public int NodeIndex { get; }

        public int NextIndex { get; set; }
    }

    /// <summary>Converts increasing UTF-8 byte offsets to UTF-16 char offsets.</summary>
    private sealed class Utf8Cursor
    {
        private readonly string _text;
        private int _char;
        private int _byte;

        public Utf8Cursor(string text, int firstChar)
        {
            _text = text;
            _char = firstChar;
        }

        public int CharAt(int byteOffset)
        {
            if (byteOffset < _byte)
            {
                throw new InvalidOperationException("Byte offsets must not go backwards.");
            }
            while (_byte < byteOffset && _char < _text.Length)
            {
                _byte += Width(_text, _char, out int chars);
                _char += chars;
            }
            return _char;
        }

        /// <summary>UTF-8 bytes of the code point at <paramref name="index"/> (a lone surrogate encodes as U+FFFD, 3 bytes).</summary>
        public static int Width(string text, int index, out int chars)
        {
            char c = text[index];
            chars = 1;
            if (c < 0x80) return 1;
            if (c < 0x800) return 2;
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                chars = 2;
                return 4;
            }
            return 3;
        }
    }
}
