using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Generation;

/// <summary>The snapshot helper fails loudly: mismatches write a received file, missing snapshots fail under CI.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "codegen-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MismatchFailsAndWritesReceivedFile()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "A.verified.cs"), "old\n");

        var problem = Snapshot.Check(_directory, "A", "new\n", ci: false, accept: false);

        Assert.NotNull(problem);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "A.received.cs")));
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(_directory, "A.verified.cs")));
    }

    [Fact]
    public void MissingSnapshotFailsUnderCiWithoutWritingVerified()
    {
        var problem = Snapshot.Check(_directory, "B", "text\n", ci: true, accept: false);

        Assert.Contains("missing", problem);
        Assert.False(File.Exists(Path.Combine(_directory, "B.verified.cs")));
    }

    [Fact]
    public void MissingSnapshotIsWrittenAndFailsOnceOutsideCi()
    {
        var first = Snapshot.Check(_directory, "C", "text\n", ci: false, accept: false);
        var second = Snapshot.Check(_directory, "C", "text\n", ci: false, accept: false);

        Assert.Contains("accepted new snapshot", first);
        Assert.Null(second);
    }

    [Fact]
    public void AcceptReplacesVerifiedAndRemovesReceived()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "D.verified.cs"), "old\n");
        Snapshot.Check(_directory, "D", "new\n", ci: false, accept: false);

        var problem = Snapshot.Check(_directory, "D", "new\n", ci: true, accept: true);

        Assert.Null(problem);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(_directory, "D.verified.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "D.received.cs")));
    }
}
