using BackCareBot.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace BackCareBot.Storage;

/// <summary>Rejects settings that would only fail later, at the first turn, with a message naming the key to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"Storage:Provider must be one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        if (options.Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory is required when Storage:Provider is Sqlite.");
        }

        if (options.Provider == StorageProvider.Sqlite && (options.Sqlite.BusyTimeout < TimeSpan.Zero || options.Sqlite.BusyTimeout > TimeSpan.FromMinutes(1)))
        {
            failures.Add("Storage:Sqlite:BusyTimeout must be between 00:00:00 and 00:01:00.");
        }

        if (options.Provider is StorageProvider.Postgres or StorageProvider.Cosmos && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"Storage:ConnectionString is required when Storage:Provider is {options.Provider}.");
        }

        if (options.Provider == StorageProvider.Postgres && !PostgresStatements.IsValidTableName(options.Postgres.TableName))
        {
            failures.Add("Storage:Postgres:TableName must start with a letter or underscore and hold only lower-case letters, digits and underscores (at most 50).");
        }

        if (options.Provider == StorageProvider.Cosmos)
        {
            if (string.IsNullOrWhiteSpace(options.Cosmos.Database))
            {
                failures.Add("Storage:Cosmos:Database is required when Storage:Provider is Cosmos.");
            }

            if (string.IsNullOrWhiteSpace(options.Cosmos.Container))
            {
                failures.Add("Storage:Cosmos:Container is required when Storage:Provider is Cosmos.");
            }
        }

        if (options.RetentionDays < 1)
        {
            failures.Add("Storage:RetentionDays must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
