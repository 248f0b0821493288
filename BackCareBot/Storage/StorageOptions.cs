namespace BackCareBot.Storage;

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file; a relative path is taken from the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Days after which untouched conversation and user state is deleted.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>Connection string of the Postgres server or Cosmos DB account.</summary>
    public string? ConnectionString { get; set; }

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgresStorageOptions Postgres { get; set; } = new();

    public CosmosStorageOptions Cosmos { get; set; } = new();
}

/// <summary>The "Storage:Sqlite" section.</summary>
public sealed class SqliteStorageOptions
{
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a write waits for another writer's lock on the file before the turn gives up with an
    /// apology. Long enough to ride out a busy moment, short enough that the person is not left waiting.
    /// The driver's own retry counts whole seconds, so a value under a second still waits about one.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;
}

/// <summary>The "Storage:Postgres" section.</summary>
public sealed class PostgresStorageOptions
{
    /// <summary>Created on first use; letters, digits and underscores only, as it is written into SQL.</summary>
    public string TableName { get; set; } = "bot_state";
}

/// <summary>The "Storage:Cosmos" section.</summary>
public sealed class CosmosStorageOptions
{
    public string Database { get; set; } = "backcarebot";

    /// <summary>Must exist with partition key path "/id".</summary>
    public string Container { get; set; } = "bot-state";
}
