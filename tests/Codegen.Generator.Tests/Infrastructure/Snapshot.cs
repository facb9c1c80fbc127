namespace Codegen.Generator.Tests.Infrastructure;

/// <summary>
/// Approval snapshots of generated files: <c>Snapshots/{name}.verified.cs</c> is committed. A mismatch fails and
/// writes <c>{name}.received.cs</c> next to it. A missing snapshot fails under <c>CI=true</c>; elsewhere it is
/// written and the test fails once with "accepted new snapshot" (so a new file is always looked at). Set
/// <c>CODEGEN_ACCEPT_SNAPSHOTS=1</c> to accept every received file as verified.
/// </summary>
public static class Snapshot
{
    public static string Directory => RepositoryPaths.TestFile("Snapshots");

    public static void Verify(string name, string actual)
    {
        var problem = Check(name, actual);
        if (problem is not null) Assert.Fail(problem);
    }

    /// <summary>Compares (and writes received/new files as described above); returns the problem or <see langword="null"/>.</summary>
    public static string? Check(string name, string actual) =>
        Check(Directory, name, actual,
            ci: string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
            accept: Environment.GetEnvironmentVariable("CODEGEN_ACCEPT_SNAPSHOTS") == "1");

    public static string? Check(string directory, string name, string actual, bool ci, bool accept)
    {
        System.IO.Directory.CreateDirectory(directory);
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (!File.Exists(verified))
        {
            if (ci && !accept)
            {
                File.WriteAllText(received, actual);
                return $"Snapshot {name}.verified.cs is missing (CI=true); the output is in {received}.";
            }
            File.WriteAllText(verified, actual);
            return accept ? null : $"accepted new snapshot {name}.verified.cs; review and commit it, then run again.";
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return null;
        }
        if (accept)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return null;
        }
        File.WriteAllText(received, actual);
        return $"Snapshot {name} differs from {verified}; see {received} (set CODEGEN_ACCEPT_SNAPSHOTS=1 to accept). First difference at line {FirstDifferentLine(expected, actual)}.";
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i]) return i + 1;
        }
        return Math.Min(a.Length, b.Length) + 1;
    }
}
