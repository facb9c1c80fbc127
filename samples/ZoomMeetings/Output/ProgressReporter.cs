namespace ZoomMeetings.Output;

/// <summary>
/// Progress of a <c>--count</c> run on stderr: a bar redrawn in place on a terminal, plain lines otherwise
/// (<c>[ 37/150] created 8123456789</c>) so logs and pipes stay readable.
/// </summary>
public sealed class ProgressReporter(TextWriter error, int total, bool isTerminal)
{
    private const int BarWidth = 30;
    private readonly int _digits = total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    /// <summary>Reports meeting <paramref name="done"/> of the total.</summary>
    public void Created(int done, long meetingId)
    {
        var counter = $"{done.ToString().PadLeft(_digits)}/{total}";
        if (!isTerminal)
        {
            error.WriteLine($"[{counter}] created {meetingId}");
            return;
        }
        var filled = (int)Math.Round(BarWidth * (double)done / total);
        error.Write($"\r[{new string('#', filled)}{new string('.', BarWidth - filled)}] {counter} created {meetingId}");
        if (done == total)
        {
            error.WriteLine();
        }
    }

    /// <summary>Ends a bar that stopped early, so the next message starts on a fresh line.</summary>
    public void Stopped(int done)
    {
        if (isTerminal && done > 0 && done < total)
        {
            error.WriteLine();
        }
    }
}
