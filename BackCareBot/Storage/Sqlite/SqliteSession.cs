using BackCareBot.Protocol.State;
using Microsoft.Data.Sqlite;

namespace BackCareBot.Storage.Sqlite;

/// <summary>
/// One open connection that keeps each statement the store runs prepared after its first use, so a call costs a
/// bind and a step rather than a parse. Each write is a single statement whose condition SQLite checks
/// under its write lock, which keeps ETags honest even between processes sharing the file.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;

    // Each statement is prepared on its first use and kept: a connection used only for reads prepares one.
    private SqliteCommand? _read;
    private SqliteCommand? _insert;
    private SqliteCommand? _update;
    private SqliteCommand? _upsert;
    private SqliteCommand? _delete;
    private SqliteCommand? _deleteIdle;
    private SqliteCommand? _rowIds;
    private SqliteCommand? _ping;
    private SqliteCommand? _begin;
    private SqliteCommand? _commit;

    public SqliteSession(string connectionString, TimeSpan busyTimeout)
    {
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            SqliteSchema.ConfigureConnection(_connection, busyTimeout);
        }
        catch
        {
            // Nobody else holds the connection yet: a store that fails to open one again and again must not leak handles.
            _connection.Dispose();
            throw;
        }
    }

    public StoreItem? Read(string key)
    {
        var read = _read ??= Prepare("SELECT json, etag FROM state WHERE key = $key", "$key");
        read.Parameters[0].Value = key;
        using var reader = read.ExecuteReader();
        return reader.Read() ? new StoreItem(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Creates the document; false when the key already exists.</summary>
    public bool Insert(string key, string json, string etag, long now) =>
        Execute(
            _insert ??= Prepare(
                "INSERT INTO state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now) ON CONFLICT (key) DO NOTHING",
                "$key", "$json", "$etag", "$now"),
            key, json, etag, now) == 1;

    /// <summary>Replaces the document; false when it is missing or its ETag is not <paramref name="expected"/>.</summary>
    public bool Update(string key, string json, string etag, long now, string expected)
    {
        var update = _update ??= Prepare(
            "UPDATE state SET json = $json, etag = $etag, updated_at = $now WHERE key = $key AND etag = $expected",
            "$key", "$json", "$etag", "$now", "$expected");
        update.Parameters[4].Value = expected;
        return Execute(update, key, json, etag, now) == 1;
    }

    public void Upsert(string key, string json, string etag, long now) =>
        Execute(
            _upsert ??= Prepare(
                """
                INSERT INTO state (key, json, etag, updated_at) VALUES ($key, $json, $etag, $now)
                ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at
                """,
                "$key", "$json", "$etag", "$now"),
            key, json, etag, now);

    public void Delete(string key)
    {
        var delete = _delete ??= Prepare("DELETE FROM state WHERE key = $key", "$key");
        delete.Parameters[0].Value = key;
        delete.ExecuteNonQuery();
    }

    /// <summary>The lowest and highest rowid in the table, or null when it is empty.</summary>
    public (long First, long Last)? RowIds()
    {
        using var reader = (_rowIds ??= Prepare("SELECT min(rowid), max(rowid) FROM state")).ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Deletes the idle documents whose rowid lies in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int DeleteIdle(long from, long to, long before, string? keyPrefix)
    {
        // substr rather than LIKE: keys may hold '%' and '_', which LIKE would treat as wildcards.
        var deleteIdle = _deleteIdle ??= Prepare(
            """
            DELETE FROM state WHERE rowid >= $from AND rowid < $to
            AND updated_at < $before AND ($prefix IS NULL OR substr(key, 1, length($prefix)) = $prefix)
            """,
            "$from", "$to", "$before", "$prefix");
        deleteIdle.Parameters[0].Value = from;
        deleteIdle.Parameters[1].Value = to;
        deleteIdle.Parameters[2].Value = before;
        deleteIdle.Parameters[3].Value = (object?)keyPrefix ?? DBNull.Value;
        return deleteIdle.ExecuteNonQuery();
    }

    public void Ping() => (_ping ??= Prepare("SELECT count(*) FROM (SELECT 1 FROM state LIMIT 1)")).ExecuteScalar();

    /// <summary>Starts a transaction for several operations; closing the connection before <see cref="Commit"/> rolls it back.</summary>
    /// <remarks>
    /// IMMEDIATE takes the write lock at the start, so a batch that reads before it writes cannot find the file changed
    /// under it by another process half-way through.
    /// </remarks>
    public void Begin() => (_begin ??= Prepare("BEGIN IMMEDIATE")).ExecuteNonQuery();

    public void Commit() => (_commit ??= Prepare("COMMIT")).ExecuteNonQuery();

    /// <summary>The open connection, for a test that has to put it into a failing state.</summary>
    internal SqliteConnection Connection => _connection;

    public void Dispose()
    {
        foreach (var command in new[] { _read, _insert, _update, _upsert, _delete, _deleteIdle, _rowIds, _ping, _begin, _commit })
        {
            command?.Dispose();
        }

        _connection.Dispose();
    }

    private static int Execute(SqliteCommand command, string key, string json, string etag, long now)
    {
        command.Parameters[0].Value = key;
        command.Parameters[1].Value = json;
        command.Parameters[2].Value = etag;
        command.Parameters[3].Value = now;
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
