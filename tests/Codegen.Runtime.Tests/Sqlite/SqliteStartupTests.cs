using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Codegen.Runtime.Tests.Sqlite;

/// <summary>A SQLite store that cannot work says so when it is registered, not on the first API call.</summary>
public sealed class SqliteStartupTests
{
    [Fact]
    public void AnUnusablePathFailsAtRegistrationWithTheReasonAndThePath()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"codegen-not-a-folder-{Guid.NewGuid():N}");
        File.WriteAllText(blocker, "a file where a folder is needed");
        try
        {
            var path = Path.Combine(blocker, "quota.db");

            var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSqliteQuotaStore(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("SQLite quota store", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public void AUsablePathIsCreatedAtRegistration()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"codegen-sqlite-{Guid.NewGuid():N}", "nested");
        var path = Path.Combine(folder, "quota.db");
        try
        {
            new ServiceCollection().AddSqliteQuotaStore(path);

            Assert.True(File.Exists(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
