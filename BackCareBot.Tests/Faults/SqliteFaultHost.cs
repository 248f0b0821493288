using System.Globalization;
using BackCareBot.Protocol.State;
using BackCareBot.Storage;
using BackCareBot.Storage.Sqlite;
using BackCareBot.Tests.Functional;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackCareBot.Tests.Faults;

/// <summary>
/// The real host on a SQLite file in a temporary folder, with a short busy timeout, whose pooled connections
/// can be told that the disk is full, and a separate connection to the same file for the test's own checks.
/// </summary>
internal sealed class SqliteFaultHost : IAsyncDisposable
{
    /// <summary>Short, so a locked file turns into an apology at once, yet long enough for ordinary contention.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromMilliseconds(500);

    // A trigger's body may not qualify table names, so the schema is left implicit there.
    private const string FillDiskSql =
        """
        CREATE TEMP TRIGGER IF NOT EXISTS disk_full_on_insert AFTER INSERT ON main.state BEGIN {0} END;
        CREATE TEMP TRIGGER IF NOT EXISTS disk_full_on_update AFTER UPDATE ON main.state BEGIN {0} END;
        CREATE TEMP TRIGGER IF NOT EXISTS disk_full_on_delete AFTER DELETE ON main.state BEGIN {0} END;
        """;

    private const string NeedNewPagesSql =
        "INSERT INTO state (key, json, etag, updated_at) VALUES ('disk-full/' || hex(randomblob(8)), hex(zeroblob(65536)), '', 0);";

    private const string FreeDiskSql =
        """
        DROP TRIGGER IF EXISTS temp.disk_full_on_insert;
        DROP TRIGGER IF EXISTS temp.disk_full_on_update;
        DROP TRIGGER IF EXISTS temp.disk_full_on_delete;
        """;

    // SQLite clamps a limit below the file's size up to that size; the other is SQLite's largest.
    private const string CurrentSizeLimitSql = "PRAGMA max_page_count = 1";
    private const string NoLimitSql = "PRAGMA max_page_count = 4294967294";

    private readonly string _folder = Directory.CreateTempSubdirectory("backcarebot-faults-").FullName;
    private readonly SqliteStorage _storage;
    private volatile bool _diskFull;
    private volatile bool _freeDiskAfterAFailedWrite;

    public SqliteFaultHost()
    {
        _storage = SqliteStorage.InDirectory(_folder, TimeProvider.System, BusyTimeout);

        // A full disk, on the store's own connections since max_page_count belongs to each connection:
        // the file may not grow past its current size (SQLite clamps the limit of 1 up to it), and the
        // triggers make every write need new pages, as every real write needs room in the WAL. The
        // write then fails inside SQLite with SQLITE_FULL and is rolled back, as on a real full disk.
        _storage.BeforeEachUse = connection =>
        {
            // The pragma in a command of its own: in one batch with it, the driver silently skipped the
            // statements after it.
            var diskFull = _diskFull;
            Execute(connection, diskFull ? CurrentSizeLimitSql : NoLimitSql);
            Execute(connection, diskFull ? string.Format(CultureInfo.InvariantCulture, FillDiskSql, NeedNewPagesSql) : FreeDiskSql);
        };
        Factory = new BotApplicationFactory()
            .With("Storage:Provider", "Sqlite")
            .With("Storage:DataDirectory", _folder)
            .WithServices(services =>
            {
                services.RemoveAll<IStorage>();
                services.RemoveAll<IExpiringStorage>();
                var observed = new FailureObservingStorage<SqliteStorage>(_storage, OnWriteFailed);
                services.AddSingleton<IStorage>(observed);
                services.AddSingleton<IExpiringStorage>(observed);
            });
        Client = Factory.CreateClient();
    }

    public BotApplicationFactory Factory { get; }

    public HttpClient Client { get; }

    public IStorage Storage => _storage;

    public string DatabasePath => _storage.DatabasePath;

    public void FillDisk() => _diskFull = true;

    public void FreeDisk() => _diskFull = false;

    /// <summary>A blip: the disk is full until one write has failed for it, then has room again at once.</summary>
    public void FillDiskForOneFailedWrite()
    {
        _freeDiskAfterAFailedWrite = true;
        _diskFull = true;
    }

    /// <summary>A connection of the test's own to the same file, outside the store's pool.</summary>
    public SqliteConnection OpenSeparateConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void OnWriteFailed()
    {
        if (_freeDiskAfterAFailedWrite)
        {
            _freeDiskAfterAFailedWrite = false;
            _diskFull = false;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        _storage.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
