namespace BackCareBot.Storage;

/// <summary>Where conversation and user state is kept.</summary>
public enum StorageProvider
{
    /// <summary>A file on local disk; the default, needing no server.</summary>
    Sqlite,

    /// <summary>Process memory; everything is forgotten on restart.</summary>
    Memory,

    Postgres,

    Cosmos,
}
