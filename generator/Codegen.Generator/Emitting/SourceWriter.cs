using System.Runtime.CompilerServices;
using System.Text;

namespace Codegen.Generator.Emitting;

/// <summary>
/// A string builder with an indentation level. Multi-line text is re-indented line by line, so emitters can
/// write blocks without counting spaces. Output always uses '\n' line endings for deterministic files.
/// </summary>
/// <remarks>
/// Text is appended piece by piece: an interpolated <c>WriteLine($"...")</c> goes straight into the builder
/// (see <see cref="LineHandler"/>) and line breaks inside a piece are found by scanning, so no line is first built
/// as a string, split or copied. Empty lines get no indentation; <c>\r\n</c> becomes <c>\n</c>.
/// </remarks>
internal sealed class SourceWriter
{
    private static readonly char[] LineBreaks = { '\n', '\r' };
    private static readonly string[] Indents = CreateIndents(16);

    private readonly StringBuilder _builder;

    /// <summary>Whether the current line has content (its indentation is already written).</summary>
    private bool _lineStarted;

    /// <summary>A '\r' at the end of the last piece: a line break if the next piece starts with '\n', else text.</summary>
    private bool _pendingReturn;

    /// <summary>A writer; <paramref name="capacity"/> is a size hint (characters) for the text it will hold.</summary>
    public SourceWriter(int capacity = 256) => _builder = new StringBuilder(capacity);

    public int Indentation { get; set; }

    /// <summary>Characters written so far.</summary>
    public int Length => _builder.Length;

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

    public override string ToString() => _builder.ToString();

    /// <summary>Appends text that may contain line breaks: each line after a break is indented again.</summary>
    internal void Append(string? text)
    {
        if (text is null || text.Length == 0) return;
        if (_pendingReturn)
        {
            _pendingReturn = false;
            if (text[0] != '\n') AppendToLine("\r", 0, 1);
        }
        int start = 0;
        while (true)
        {
            int lineBreak = text.IndexOfAny(LineBreaks, start);
            if (lineBreak < 0)
            {
                AppendToLine(text, start, text.Length - start);
                return;
            }
            AppendToLine(text, start, lineBreak - start);
            if (text[lineBreak] == '\r')
            {
                if (lineBreak + 1 == text.Length)
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

    /// <summary>Appends one character that is not a line break.</summary>
    internal void Append(char c)
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            AppendToLine("\r", 0, 1);
        }
        StartLine();
        _builder.Append(c);
    }

    private void AppendToLine(string text, int start, int count)
    {
        if (count == 0) return;
        StartLine();
        _builder.Append(text, start, count);
    }

    private void StartLine()
    {
        if (_lineStarted) return;
        _lineStarted = true;
        if (Indentation > 0) _builder.Append(Indentation < Indents.Length ? Indents[Indentation] : new string(' ', Indentation * 4));
    }

    private void EndLine()
    {
        if (_pendingReturn)
        {
            _pendingReturn = false;
            AppendToLine("\r", 0, 1);
        }
        _builder.Append('\n');
        _lineStarted = false;
    }

    private static string[] CreateIndents(int count)
    {
        var indents = new string[count];
        for (int i = 0; i < count; i++) indents[i] = new string(' ', i * 4);
        return indents;
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
