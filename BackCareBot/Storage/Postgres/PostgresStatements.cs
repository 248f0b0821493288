using System.Text.RegularExpressions;

namespace BackCareBot.Storage.Postgres;

/// <summary>
/// The SQL for one state table. The table name is written into the text, since identifiers cannot be
/// parameters, so only plain lower-case identifiers are accepted.
/// </summary>
internal sealed partial class PostgresStatements
{
    public PostgresStatements(string tableName)
    {
        if (!IsValidTableName(tableName))
        {
            throw new ArgumentException("The table name must be a plain lower-case identifier of at most 50 characters.", nameof(tableName));
        }

        var version = tableName + "_version";

        // The advisory lock stops two instances starting together from racing on CREATE TABLE, which
        // IF NOT EXISTS alone does not prevent.
        CreateSchema =
            $"""
            SELECT pg_advisory_xact_lock(hashtext('{tableName}'));
            CREATE TABLE IF NOT EXISTS {tableName} (
                key text PRIMARY KEY,
                json text NOT NULL,
                etag bigint NOT NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE SEQUENCE IF NOT EXISTS {version};
            CREATE INDEX IF NOT EXISTS {tableName}_updated_at ON {tableName} (updated_at);
            """;

        Read = $"SELECT key, json, etag FROM {tableName} WHERE key = ANY(@keys)";
        Insert =
            $"""
            INSERT INTO {tableName} (key, json, etag, updated_at) VALUES (@key, @json, nextval('{version}'), @now)
            ON CONFLICT (key) DO NOTHING RETURNING etag
            """;
        Update =
            $"""
            UPDATE {tableName} SET json = @json, etag = nextval('{version}'), updated_at = @now
            WHERE key = @key AND etag = @expected RETURNING etag
            """;
        Upsert =
            $"""
            INSERT INTO {tableName} (key, json, etag, updated_at) VALUES (@key, @json, nextval('{version}'), @now)
            ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at
            RETURNING etag
            """;
        Delete = $"DELETE FROM {tableName} WHERE key = @key";
        DeleteIdle = $"DELETE FROM {tableName} WHERE updated_at < @before AND (@prefix IS NULL OR starts_with(key, @prefix))";
        Ping = $"SELECT 1 FROM {tableName} LIMIT 1";
    }

    public string CreateSchema { get; }

    public string Read { get; }

    public string Insert { get; }

    public string Update { get; }

    public string Upsert { get; }

    public string Delete { get; }

    public string DeleteIdle { get; }

    public string Ping { get; }

    public static bool IsValidTableName(string? tableName) => tableName is not null && TableName().IsMatch(tableName);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}$")]
    private static partial Regex TableName();
}
