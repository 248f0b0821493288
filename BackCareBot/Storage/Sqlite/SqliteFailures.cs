using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BackCareBot.Storage.Sqlite;

/// <summary>Which SQLite failures mean the store is unavailable for now, rather than wrong.</summary>
internal static class SqliteFailures
{
    /// <summary>
    /// The store-unavailable form of a failure of the file or its surroundings that passes without anyone touching
    /// the data: another writer holding the lock, a full or failing disk, a file that cannot be opened right now.
    /// Null for corruption and constraint errors: waiting would not cure those.
    /// </summary>
    public static StorageUnavailableException? AsUnavailable(Exception exception) =>
        exception is SqliteException sqlite && IsUnavailable(sqlite)
            ? new StorageUnavailableException($"The SQLite state store is unavailable (SQLite error {sqlite.SqliteErrorCode}).", sqlite)
            : null;

    private static bool IsUnavailable(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is raw.SQLITE_BUSY
            or raw.SQLITE_LOCKED
            or raw.SQLITE_NOMEM
            or raw.SQLITE_READONLY
            or raw.SQLITE_IOERR
            or raw.SQLITE_FULL
            or raw.SQLITE_CANTOPEN
            or raw.SQLITE_PROTOCOL;
}
