using System;
using System.Runtime.CompilerServices;

namespace Codegen.Generator.Emitting;

/// <summary>
/// A string builder with an indentation level. Multi-line text is re-indented line by line, so emitters can
/// write blocks without counting spaces. Output always uses '\n' line endings for deterministic files.
/// </summary>
/// <remarks>
/// Text is appended piece by piece: an interpolated <c>WriteLine($"...")</c> goes straight into the builder
/// (see <see cref="LineHandler"/>) and line breaks inside a piece are found by scanning, so no line is first built
/// as a string, split or copied. Empty lines get no indentation; <c>\r\n</c> becomes <c>\n</c>.
/// The character buffer comes from a small per-thread pool and goes back on <see cref="Finish"/>: a generator run
/// writes thousands of files, and the only text it has to allocate is each file's final string.
/// </remarks>
internal sealed class SourceWriter
{
    private static readonly char[] LineBreaks = { '\n', '\r' };
    private static readonly string[] Indents = CreateIndents(16);

    private char[]? _buffer;
    private int _length;

    /// <summary>Whether the current line has content (its indentation is already written).</summary>
    private bool _lineStarted;

    /// <summary>A '\r' at the end of the last piece: a line break if the next piece starts with '\n', else text.</summary>
    private bool _pendingReturn;

    public SourceWriter() => _buffer = BufferPool.Rent();

    public int Indentation { get; set; }

    /// <summary>Characters written so far.</summary>
    public int Length => _length;

    /// <summary>Ends the current line (an empty line when nothing was written on it).</summary>
    public SourceWriter WriteLine()
    {
        EndLine();
        return this;
    }

    /// <summary>Writes <paramref name="text"/> (it may hold several lines, each indented) and ends the line.</summary>
    public SourceWriter WriteLine(string text)
    {
        Append(text);
        EndLine();
        return this;
    }

    /// <summary>Writes an interpolated line piece by piece, without building the line as a string, and ends it.</summary>
    public SourceWriter WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        EndLine();
        return this;
    }

    /// <summary>Writes <paramref name="text"/> without ending the line.</summary>
    public SourceWriter Write(string text)
    {
        Append(text);
        return this;
    }

    /// <summary>Writes <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/> without ending the line.</summary>
    public SourceWriter Write(string text, int start, int count)
    {
        Append(text, start, start + count);
        return this;
    }

    /// <summary>Writes an interpolated piece without ending the line.</summary>
    public SourceWriter Write([InterpolatedStringHandlerArgument("")] ref LineHandler text) => this;

    /// <summary>Writes <c>{</c> and indents.</summary>
    public SourceWriter OpenBrace()
    {
        WriteLine("{");
        Indentation++;
        return this;
    }

    /// <summary>Unindents and writes <c>}</c> plus an optional suffix such as <c>;</c>.</summary>
    public SourceWriter CloseBrace(string suffix = "")
    {
        Indentation--;
        Append("}");
        Append(suffix);
        EndLine();
        return this;
    }

    /// <summary>A point to come back to with <see cref="Rewind"/> (e.g. to drop a block that turned out empty).</summary>
    public Mark Position => new(_length, Indentation, _lineStarted, _pendingReturn);

    /// <summary>Drops everything written since <paramref name="mark"/>, indentation included.</summary>
    public void Rewind(Mark mark)
    {
        _length = mark.Length;
        Indentation = mark.Indentation;
        _lineStarted = mark.LineStarted;
        _pendingReturn = mark.PendingReturn;
    }

    /// <summary>The text so far (the writer stays usable).</summary>
    public override string ToString() => new(Buffer, 0, _length);

    /// <summary>The text; the buffer goes back to the pool and the writer cannot be used afterwards.</summary>
    public string Finish() => Finish(_length);

    /// <summary>
    /// The text without its trailing line breaks (a block to write into another writer with <see cref="WriteLine(string)"/>);
    /// the buffer goes back to the pool and the writer cannot be used afterwards.
    /// </summary>
    public string FinishBlock()
    {
        var buffer = Buffer;
        int length = _length;
        while (length > 0 && buffer[length - 1] == '\n') length--;
        return Finish(length);
    }

    private string Finish(int length)
    {
        var text = length == 0 ? string.Empty : new string(Buffer, 0, length);
        BufferPool.Return(_buffer!);
        _buffer = null;
        return text;
    }

    private char[] Buffer => _buffer ?? throw new InvalidOperationException("This SourceWriter is finished.");

    /// <summary>Appends text that may contain line breaks: each line after a break is indented again.</summary>
    internal void Append(string? text)
    {
        if (text is not null) Append(text, 0, text.Length);
    }

    /// <summary>Appends <c>text[start..end)</c>, which may contain line breaks.</summary>
    private void Append(string text, int start, int end)
    {
        if (start >= end) return;
        if (_pendingReturn)
        {
            _pendingReturn = false;
            if (text[start] != '\n') AppendToLine("\r", 0, 1);
        }
        while (true)
        {
            int lineBreak = text.IndexOfAny(LineBreaks, start, end - start);
            if (lineBreak < 0)
            {
                AppendToLine(text, start, end - start);
                return;
            }
            AppendToLine(text, start, lineBreak - start);
            if (text[lineBreak] == '\r')
            {
                if (lineBreak + 1 == end)
                {
                    _pendingReturn = true;
                    return;
                }
                if (text[lineBreak + 1] != '\n')
                {
                    // A lone '\r' is text, as it always was.
                    AppendToLine(text, lineBreak, 1);
                    start = lineBreak + 1;
                    continue;
                }
                lineBreak++;
            }
            EndLine();
            start = lineBreak + 1;
        }
    }

    private void AppendToLine(string text, int start, int count)
    {
        if (count == 0) return;
        StartLine();
        text.CopyTo(start, Reserve(count), _length, count);
        _length += count;
    }

    private void StartLine()
    {
        if (_lineStarted) return;
        _lineStarted = true;
        if (Indentation <= 0) return;
        var indent = Indentation < Indents.Length ? Indents[Indentation] : new string(' ', Indentation * 4);
        indent.CopyTo(0, Reserve(indent.Length), _length, indent.Length);
        _length += indent.Length;
    }

    private void EndLine()
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            AppendToLine("\r", 0, 1);
        }
        Reserve(1)[_length++] = '\n';
        _lineStarted = false;
    }

    /// <summary>The buffer, grown (doubling) so that <paramref name="count"/> more characters fit.</summary>
    private char[] Reserve(int count)
    {
        var buffer = Buffer;
        if (_length + count <= buffer.Length) return buffer;
        var grown = new char[Math.Max(buffer.Length * 2, _length + count)];
        Array.Copy(buffer, grown, _length);
        _buffer = grown;
        return grown;
    }

    private static string[] CreateIndents(int count)
    {
        var indents = new string[count];
        for (int i = 0; i < count; i++) indents[i] = new string(' ', i * 4);
        return indents;
    }

    /// <summary>A writer's state at one point (see <see cref="Position"/>).</summary>
    internal readonly record struct Mark(int Length, int Indentation, bool LineStarted, bool PendingReturn);

    /// <summary>
    /// Buffers kept per thread for the next writers (a few, since validators nest writers), up to a size that
    /// covers large files without holding on to much memory in a long-lived compiler process.
    /// </summary>
    private static class BufferPool
    {
        private const int InitialSize = 4096;
        // The generator runs on the host's threads (compiler server, IDE) for as long as they live: keep at most
        // 3 × 128K chars (768 KB) per thread, enough for the largest files of the corpus; a larger buffer is left to the GC.
        private const int MaxKeptSize = 1 << 17;
        private const int MaxKept = 3;

        [ThreadStatic]
        private static char[]?[]? s_kept;

        [ThreadStatic]
        private static int s_count;

        public static char[] Rent()
        {
            if (s_count == 0) return new char[InitialSize];
            var kept = s_kept!;
            var buffer = kept[--s_count]!;
            kept[s_count] = null;
            return buffer;
        }

        public static void Return(char[] buffer)
        {
            if (buffer.Length > MaxKeptSize || s_count == MaxKept) return;
            (s_kept ??= new char[MaxKept][])[s_count++] = buffer;
        }
    }

    /// <summary>
    /// Appends the pieces of an interpolated string to the writer as they come (<c>{{</c> and <c>}}</c> are
    /// single braces, as in any interpolated string). Holes take strings; format numbers at the call site.
    /// </summary>
    [InterpolatedStringHandler]
    internal readonly ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer) => _writer = writer;

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string? text) => _writer.Append(text);
    }
}
