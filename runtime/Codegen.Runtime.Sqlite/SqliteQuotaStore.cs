using Microsoft.Data.Sqlite;

namespace Codegen.Runtime.Quotas.Sqlite;

/// <summary>
/// A persistent <see cref="IQuotaStore"/> in one SQLite file: counts and server blocks survive restarts and stay exact
/// across the processes of one machine. Every change runs in a <c>BEGIN IMMEDIATE</c> transaction (the file's write
/// lock is taken before anything is read) in WAL mode, waiting for other writers up to the busy timeout.
/// A count is keyed by policy name, partition key and window start; rolling windows keep one row per permit.
/// </summary>
public sealed class SqliteQuotaStore : IQuotaStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS quota_window (
            policy        TEXT    NOT NULL,
            partition_key TEXT    NOT NULL,
            window_start  INTEGER NOT NULL,
            window_end    INTEGER NOT NULL,
            used          INTEGER NOT NULL,
            PRIMARY KEY (policy, partition_key, window_start)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS quota_window_by_end ON quota_window (window_end);
        CREATE TABLE IF NOT EXISTS quota_permit (
            policy        TEXT    NOT NULL,
            partition_key TEXT    NOT NULL,
            acquired_at   INTEGER NOT NULL,
            expires_at    INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS quota_permit_by_key ON quota_permit (policy, partition_key, acquired_at);
        CREATE INDEX IF NOT EXISTS quota_permit_by_expiry ON quota_permit (expires_at);
        CREATE TABLE IF NOT EXISTS quota_block (
            policy        TEXT    NOT NULL,
            partition_key TEXT    NOT NULL,
            blocked_until INTEGER NOT NULL,
            PRIMARY KEY (policy, partition_key)
        ) WITHOUT ROWID;
        """;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly long _cleanupTicks;
    private readonly Lock _schemaGate = new();
    private volatile bool _schemaReady;
    private long _nextCleanup;

    /// <summary>Opens (or on first use creates) the store in <paramref name="path"/>.</summary>
    public SqliteQuotaStore(string path)
        : this(new SqliteQuotaStoreOptions { Path = path })
    {
    }

    /// <summary>Opens (or on first use creates) the store described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message says why.</exception>
    public SqliteQuotaStore(SqliteQuotaStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }
        DatabasePath = System.IO.Path.GetFullPath(options.Path);
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
        _cleanupTicks = options.CleanupInterval.Ticks;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public ValueTask<QuotaAcquireResult> TryAcquireAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        cancellationToken.ThrowIfCancellationRequested();
        if (counters.Count == 0)
        {
            return new(QuotaAcquireResult.Granted());
        }
        var t = now.UtcTicks;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock first
        CleanUpIfDue(connection, transaction, t);
        foreach (var counter in counters)
        {
            // A refusal commits too: nothing was counted, but a due cleanup is kept.
            if (BlockedUntil(connection, transaction, counter, t) is { } until)
            {
                transaction.Commit();
                return new(QuotaAcquireResult.Refused(counter, QuotaRefusalReason.BlockedByServer, At(until)));
            }
            var (used, freesAt) = Usage(connection, transaction, counter, t);
            if (used >= counter.Limit)
            {
                transaction.Commit();
                return new(QuotaAcquireResult.Refused(counter, QuotaRefusalReason.LimitReached, At(freesAt)));
            }
        }
        int? remaining = null;
        for (var i = 0; i < counters.Count; i++)
        {
            Take(connection, transaction, counters[i], t, 1);
            if (i == 0)
            {
                remaining = Math.Max(0, counters[0].Limit - Usage(connection, transaction, counters[0], t).Used);
            }
        }
        transaction.Commit();
        return new(QuotaAcquireResult.Granted(remaining));
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(IReadOnlyList<QuotaCounter> counters, DateTimeOffset acquiredAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counters);
        cancellationToken.ThrowIfCancellationRequested();
        var t = now.UtcTicks;
        var taken = acquiredAt.UtcTicks;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var counter in counters)
        {
            if (counter.Policy.Window == QuotaWindowKind.Rolling)
            {
                if (taken > t - QuotaWindows.PeriodTicks(counter.Policy))
                {
                    Execute(connection, transaction, """
                        DELETE FROM quota_permit WHERE rowid = (
                            SELECT rowid FROM quota_permit
                            WHERE policy = $policy AND partition_key = $key AND acquired_at = $at LIMIT 1)
                        """, counter, ("$at", taken));
                }
                continue;
            }
            var takenStart = QuotaWindows.CurrentTicks(counter.Policy, taken).Start;
            if (takenStart == QuotaWindows.CurrentTicks(counter.Policy, t).Start)
            {
                Execute(connection, transaction, """
                    UPDATE quota_window SET used = used - 1
                    WHERE policy = $policy AND partition_key = $key AND window_start = $start AND used > 0
                    """, counter, ("$start", takenStart));
            }
        }
        transaction.Commit();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask BlockAsync(QuotaCounter counter, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (until <= now)
        {
            return ValueTask.CompletedTask;
        }
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            INSERT INTO quota_block (policy, partition_key, blocked_until) VALUES ($policy, $key, $until)
            ON CONFLICT (policy, partition_key) DO UPDATE SET blocked_until = max(blocked_until, excluded.blocked_until)
            """, counter, ("$until", until.UtcTicks));
        transaction.Commit();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReportRemainingAsync(QuotaCounter counter, int remaining, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var target = counter.Limit - Math.Max(0, remaining);
        if (target <= 0)
        {
            return ValueTask.CompletedTask;
        }
        var t = now.UtcTicks;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var used = Usage(connection, transaction, counter, t).Used;
        if (used < target)
        {
            Take(connection, transaction, counter, t, target - used);
        }
        transaction.Commit();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<QuotaStatus> GetStatusAsync(QuotaCounter counter, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var t = now.UtcTicks;
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true); // a consistent read, no write lock
        var used = Usage(connection, transaction, counter, t).Used;
        long windowEnd;
        if (counter.Policy.Window == QuotaWindowKind.Rolling)
        {
            var period = QuotaWindows.PeriodTicks(counter.Policy);
            var oldest = Scalar(connection, transaction, """
                SELECT min(acquired_at) FROM quota_permit
                WHERE policy = $policy AND partition_key = $key AND acquired_at > $from
                """, counter, ("$from", t - period));
            windowEnd = (oldest ?? t) + period;
        }
        else
        {
            windowEnd = QuotaWindows.CurrentTicks(counter.Policy, t).End;
        }
        var blocked = BlockedUntil(connection, transaction, counter, t);
        transaction.Commit();
        return new(new QuotaStatus(used, Math.Max(0, counter.Limit - used), At(windowEnd), blocked is { } b ? At(b) : null));
    }

    /// <summary>Deletes every expired window, rolling permit and block now (it also happens on its own every cleanup interval).</summary>
    /// <returns>How many rows were deleted.</returns>
    public int RemoveExpired(DateTimeOffset now)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var removed = RemoveExpired(connection, transaction, now.UtcTicks);
        transaction.Commit();
        return removed;
    }

    /// <summary>
    /// Creates the database file and its schema now instead of on first use, so a path that cannot be used fails at
    /// startup with a clear message rather than on the first API call.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file cannot be created or opened; the message names the path and the cause.</exception>
    public void EnsureCreated()
    {
        using var connection = Open();
    }

    private SqliteConnection Open()
    {
        if (!_schemaReady)
        {
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(DatabasePath)!);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The SQLite quota store cannot create the folder for '{DatabasePath}': {exception.Message}", exception);
            }
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs};";
                pragma.ExecuteNonQuery();
            }
            EnsureSchema(connection);
            return connection;
        }
        catch (SqliteException exception) when (!_schemaReady)
        {
            connection.Dispose();
            throw new InvalidOperationException($"The SQLite quota store cannot open '{DatabasePath}': {exception.Message}", exception);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureSchema(SqliteConnection connection)
    {
        if (_schemaReady)
        {
            return;
        }
        lock (_schemaGate)
        {
            if (_schemaReady)
            {
                return;
            }
            using (var wal = connection.CreateCommand())
            {
                // WAL lets readers work beside the one writer; NORMAL sync is durable across process crashes.
                wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
                wal.ExecuteNonQuery();
            }
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = Schema;
                create.ExecuteNonQuery();
            }
            transaction.Commit();
            _schemaReady = true;
        }
    }

    private static long? BlockedUntil(SqliteConnection connection, SqliteTransaction transaction, QuotaCounter counter, long t)
    {
        var until = Scalar(connection, transaction,
            "SELECT blocked_until FROM quota_block WHERE policy = $policy AND partition_key = $key", counter);
        return until > t ? until : null;
    }

    // Permits used in the window at t, and when the next one frees up if the limit is reached.
    private static (int Used, long FreesAt) Usage(SqliteConnection connection, SqliteTransaction transaction, QuotaCounter counter, long t)
    {
        if (counter.Policy.Window == QuotaWindowKind.Rolling)
        {
            var period = QuotaWindows.PeriodTicks(counter.Policy);
            var used = (int)(Scalar(connection, transaction, """
                SELECT count(*) FROM quota_permit
                WHERE policy = $policy AND partition_key = $key AND acquired_at > $from
                """, counter, ("$from", t - period)) ?? 0);
            if (used < counter.Limit || counter.Limit < 1)
            {
                return (used, t);
            }
            var freeing = Scalar(connection, transaction, """
                SELECT acquired_at FROM quota_permit
                WHERE policy = $policy AND partition_key = $key AND acquired_at > $from
                ORDER BY acquired_at LIMIT 1 OFFSET $skip
                """, counter, ("$from", t - period), ("$skip", (long)(used - counter.Limit)));
            return (used, (freeing ?? t) + period);
        }
        var (start, end) = QuotaWindows.CurrentTicks(counter.Policy, t);
        var count = Scalar(connection, transaction, """
            SELECT used FROM quota_window WHERE policy = $policy AND partition_key = $key AND window_start = $start
            """, counter, ("$start", start));
        return ((int)(count ?? 0), end);
    }

    private static void Take(SqliteConnection connection, SqliteTransaction transaction, QuotaCounter counter, long t, int permits)
    {
        if (counter.Policy.Window == QuotaWindowKind.Rolling)
        {
            var expires = t + QuotaWindows.PeriodTicks(counter.Policy);
            for (var i = 0; i < permits; i++)
            {
                Execute(connection, transaction, """
                    INSERT INTO quota_permit (policy, partition_key, acquired_at, expires_at) VALUES ($policy, $key, $at, $expires)
                    """, counter, ("$at", t), ("$expires", expires));
            }
            return;
        }
        var (start, end) = QuotaWindows.CurrentTicks(counter.Policy, t);
        Execute(connection, transaction, """
            INSERT INTO quota_window (policy, partition_key, window_start, window_end, used) VALUES ($policy, $key, $start, $end, $n)
            ON CONFLICT (policy, partition_key, window_start) DO UPDATE SET used = used + excluded.used
            """, counter, ("$start", start), ("$end", end), ("$n", (long)permits));
    }

    private void CleanUpIfDue(SqliteConnection connection, SqliteTransaction transaction, long t)
    {
        var due = Interlocked.Read(ref _nextCleanup);
        if (t >= due && Interlocked.CompareExchange(ref _nextCleanup, t + _cleanupTicks, due) == due)
        {
            RemoveExpired(connection, transaction, t);
        }
    }

    private static int RemoveExpired(SqliteConnection connection, SqliteTransaction transaction, long t)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM quota_window WHERE window_end <= $now;
            DELETE FROM quota_permit WHERE expires_at <= $now;
            DELETE FROM quota_block WHERE blocked_until <= $now;
            """;
        command.Parameters.AddWithValue("$now", t);
        return command.ExecuteNonQuery();
    }

    private static long? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, QuotaCounter counter, params (string Name, long Value)[] values)
    {
        using var command = Command(connection, transaction, sql, counter, values);
        var result = command.ExecuteScalar();
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, QuotaCounter counter, params (string Name, long Value)[] values)
    {
        using var command = Command(connection, transaction, sql, counter, values);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, QuotaCounter counter, (string Name, long Value)[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (sql.Contains("$policy", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$policy", counter.Policy.Name);
        }
        if (sql.Contains("$key", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("$key", counter.PartitionKey);
        }
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
