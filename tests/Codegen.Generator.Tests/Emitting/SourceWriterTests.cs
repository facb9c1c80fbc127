using Codegen.Generator.Emitting;

namespace Codegen.Generator.Tests.Emitting;

/// <summary>
/// The writer every emitter uses: text appended piece by piece must come out exactly as whole lines did
/// (indentation per line, empty lines unindented, <c>\r\n</c> as <c>\n</c>), and pooled buffers never leak text.
/// </summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void MultiLineTextIsIndentedLineByLineAndEmptyLinesStayEmpty()
    {
        var writer = new SourceWriter { Indentation = 2 };
        writer.WriteLine("a\n\n  b\r\nc");

        Assert.Equal("        a\n\n          b\n        c\n", writer.Finish());
    }

    [Fact]
    public void LoneCarriageReturnStaysTextEvenWhenSplitAcrossPieces()
    {
        var writer = new SourceWriter { Indentation = 1 };
        string first = "x\r", second = "\ny", third = "z\r", fourth = "w";
        writer.WriteLine($"{first}{second}");
        writer.WriteLine($"{third}{fourth}");
        writer.WriteLine("end\r");

        Assert.Equal("    x\n    y\n    z\rw\n    end\r\n", writer.Finish());
    }

    [Fact]
    public void InterpolatedLineWritesTheSameTextAsTheConcatenatedLine()
    {
        string name = "Pet", type = "global::Zoo.Pet", lines = "first\nsecond";
        var concatenated = new SourceWriter { Indentation = 1 };
        concatenated.WriteLine("public " + type + " " + name + " { get; init; } // " + lines);
        var interpolated = new SourceWriter { Indentation = 1 };
        interpolated.WriteLine($"public {type} {name} {{ get; init; }} // {lines}");

        Assert.Equal(concatenated.Finish(), interpolated.Finish());
    }

    [Fact]
    public void PiecesWrittenWithoutLineEndAreIndentedOnce()
    {
        var writer = new SourceWriter { Indentation = 1 };
        writer.Write("/// ").Write("<summary>abc", 11, 1).Write($"{"d"}e").WriteLine();
        writer.WriteLine();

        Assert.Equal("    /// cde\n\n", writer.Finish());
    }

    [Fact]
    public void RewindDropsTheTextAndRestoresTheIndentation()
    {
        var writer = new SourceWriter();
        writer.OpenBrace();
        writer.WriteLine("kept;");
        var mark = writer.Position;
        writer.WriteLine("if (x)").OpenBrace().Write("half");
        writer.Rewind(mark);
        writer.CloseBrace();

        Assert.Equal("{\n    kept;\n}\n", writer.Finish());
    }

    [Fact]
    public void FinishBlockDropsTrailingLineBreaksOnly()
    {
        var writer = new SourceWriter();
        writer.WriteLine("a").WriteLine().WriteLine();

        Assert.Equal("a", writer.FinishBlock());
    }

    [Fact]
    public void AFinishedWriterRefusesMoreText()
    {
        var writer = new SourceWriter();
        writer.WriteLine("done");
        writer.Finish();

        Assert.Throws<InvalidOperationException>(() => writer.WriteLine("more"));
    }

    [Fact]
    public void AWriterReusingAPooledBufferStartsEmpty()
    {
        var first = new SourceWriter();
        first.WriteLine(new string('x', 10_000));
        first.Finish();
        var nested = new SourceWriter();
        var second = new SourceWriter();
        second.WriteLine("only this");
        nested.WriteLine("inner");

        Assert.Equal("only this\n", second.Finish());
        Assert.Equal("inner\n", nested.Finish());
    }
}
