using System;
using System.Text;

namespace Codegen.Generator.Emitting;

/// <summary>
/// A string builder with an indentation level. Multi-line text is re-indented line by line, so emitters can
/// write blocks without counting spaces. Output always uses '\n' line endings for deterministic files.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();

    public int Indentation { get; set; }

    public SourceWriter WriteLine()
    {
        _builder.Append('\n');
        return this;
    }

    public SourceWriter WriteLine(string text)
    {
        if (text.IndexOf('\n') < 0)
        {
            WriteIndentedLine(text);
            return this;
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteIndentedLine(line);
        }
        return this;
    }

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
        WriteLine("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();

    private void WriteIndentedLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < Indentation; i++) _builder.Append(IndentUnit);
            _builder.Append(line);
        }
        _builder.Append('\n');
    }
}
