using Codegen.Runtime.Quotas;
using Codegen.Runtime.Quotas.Sqlite;

namespace Codegen.Runtime.Tests.Quotas;

// Behaviour every store must share is tested against each real store.
public sealed class StoreFactory : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "codegen-quota-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "quotas.db");

    public IQuotaStore Create(string kind, TimeProvider time) => kind switch
    {
        "memory" => new InMemoryQuotaStore(time),
        "sqlite" => new SqliteQuotaStore(DatabasePath),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "memory or sqlite"),
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
