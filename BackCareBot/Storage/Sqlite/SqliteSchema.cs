using Microsoft.Data.Sqlite;

namespace BackCareBot.Storage.Sqlite;

/// <summary>The table and the connection settings the store relies on, applied once when it opens.</summary>
internal static class SqliteSchema
{
    public static void Create(string connectionString, TimeSpan busyTimeout)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        ConfigureConnection(connection, busyTimeout);
        using var command = connection.CreateCommand();

        // WAL lets readers carry on while one writer commits; the mode is stored in the file, so setting
        // it once here covers every later connection.
        // updated_at has no index: every turn changes it, and keeping an index in step doubled the pages each
        // commit writes (BackCareBot.LoadTest). The hourly sweep walks the table in rowid slices instead.
        // Files made by earlier versions lose the index here.
        command.CommandText =
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                key TEXT NOT NULL PRIMARY KEY,
                json TEXT NOT NULL,
                etag TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            DROP INDEX IF EXISTS state_updated_at;
            """;
        command.ExecuteNonQuery();
    }

    /// <param name="busyTimeout">How long a statement waits for another writer, here or in another process, before failing.</param>
    public static void ConfigureConnection(SqliteConnection connection, TimeSpan busyTimeout)
    {
        using var command = connection.CreateCommand();

        // synchronous=NORMAL is safe from corruption in WAL mode; a power cut may lose the last few
        // turns' state, which costs far less than an fsync on every turn. Checkpoints are left to
        // SqliteCheckpointer, off the path of a turn; a log that a burst grew is cut back to 64 MB after.
        command.CommandText = FormattableString.Invariant(
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;");
        command.ExecuteNonQuery();

        // Rows are small and read by key: a 1 MB page cache per connection (SQLite's default is 2 MB) holds the
        // pages of the conversations in progress, and keeps memory low.
        command.CommandText = "PRAGMA cache_size = -1024;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A connection for reads keeps only a few pages: a commit on any other connection empties its cache before its
    /// next read, so a larger one would only hold memory that is never read again.
    /// </summary>
    public static void ConfigureReader(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = 16;";
        command.ExecuteNonQuery();
    }
}
