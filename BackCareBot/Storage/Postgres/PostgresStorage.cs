using System.Globalization;
using BackCareBot.Protocol.State;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.Retry;

namespace BackCareBot.Storage.Postgres;

/// <summary>
/// State in one PostgreSQL table, created on first use. The ETag is a row version drawn from a
/// sequence by the same statement that writes the row, and every conditional write is one statement,
/// so the server's row locks decide races between any number of bot instances.
/// </summary>
/// <remarks>
/// Transient failures (a dropped connection, a server restarting) are retried briefly. A write whose
/// commit succeeded but whose reply was lost is then retried against its own result and reports a
/// conflict: the caller re-reads and finds its change there, which is safer than writing twice. When
/// the retries run out, or the server reports it cannot serve (shutting down, out of disk), the failure
/// surfaces as <see cref="StorageUnavailableException"/>, so the turn apologises without touching state.
/// The connection string's Timeout and Command Timeout bound how long each attempt may take.
/// </remarks>
public sealed class PostgresStorage : IStorage, IExpiringStorage, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStatements _sql;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresStorage(string connectionString, string tableName, TimeProvider timeProvider)
    {
        _sql = new PostgresStatements(tableName);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Automatic preparation lets the handful of statements we run skip parsing and planning.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 16;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
        _timeProvider = timeProvider;
        _retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        var keyArray = keys.ToArray();
        await RunAsync(
            async ct =>
            {
                result.Clear();
                await using var command = _dataSource.CreateCommand(_sql.Read);
                command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keyArray });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    result[reader.GetString(0)] = new StoreItem(reader.GetString(1), FormatETag(reader.GetInt64(2)));
                }

                return true;
            },
            cancellationToken);
        return result;
    }

    public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        long expected = 0;
        var sql = expectedETag switch
        {
            null => _sql.Insert,
            StoreItem.AnyETag => _sql.Upsert,
            _ when long.TryParse(expectedETag, NumberStyles.None, CultureInfo.InvariantCulture, out expected) => _sql.Update,

            // Not a version this store ever issued, so it cannot match the stored one.
            _ => throw new StorageConflictException(key),
        };

        var etag = await RunAsync(
            async ct =>
            {
                await using var command = _dataSource.CreateCommand(sql);
                command.Parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = key });
                command.Parameters.Add(new NpgsqlParameter<string>("json", NpgsqlDbType.Text) { TypedValue = json });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", NpgsqlDbType.TimestampTz) { TypedValue = _timeProvider.GetUtcNow() });
                if (ReferenceEquals(sql, _sql.Update))
                {
                    command.Parameters.Add(new NpgsqlParameter<long>("expected", NpgsqlDbType.Bigint) { TypedValue = expected });
                }

                return await command.ExecuteScalarAsync(ct);
            },
            cancellationToken);

        return etag is long version ? FormatETag(version) : throw new StorageConflictException(key);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await using var command = _dataSource.CreateCommand(_sql.Delete);
                command.Parameters.Add(new NpgsqlParameter<string>("key", NpgsqlDbType.Text) { TypedValue = key });
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await using var command = _dataSource.CreateCommand(_sql.Ping);
                return await command.ExecuteScalarAsync(ct);
            },
            cancellationToken);

    public Task<int> DeleteIdleAsync(DateTimeOffset idleSince, string? keyPrefixOrNull, CancellationToken ct) =>
        RunAsync(
            async token =>
            {
                await using var command = _dataSource.CreateCommand(_sql.DeleteIdle);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("before", NpgsqlDbType.TimestampTz) { TypedValue = idleSince.ToUniversalTime() });
                command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = (object?)keyPrefixOrNull ?? DBNull.Value });
                return await command.ExecuteNonQueryAsync(token);
            },
            ct);

    public ValueTask DisposeAsync()
    {
        _schemaLock.Dispose();
        return _dataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _schemaLock.Dispose();
        _dataSource.Dispose();
    }

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Failures of the server or the way to it rather than of the request: a broken or refused
    /// connection (any client-side NpgsqlException), or a server error of the classes connection
    /// exception (08), insufficient resources (53, e.g. disk full), operator intervention (57P, e.g.
    /// shutting down) and system error (58).
    /// </summary>
    private static bool IsUnavailable(NpgsqlException exception) =>
        exception.IsTransient
        || exception is not PostgresException
        || exception is PostgresException { SqlState: var state }
            && (state.StartsWith("08", StringComparison.Ordinal)
                || state.StartsWith("53", StringComparison.Ordinal)
                || state.StartsWith("57P", StringComparison.Ordinal)
                || state.StartsWith("58", StringComparison.Ordinal));

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(
                async ct =>
                {
                    await EnsureSchemaAsync(ct);
                    return await operation(ct);
                },
                cancellationToken);
        }
        catch (NpgsqlException exception) when (IsUnavailable(exception))
        {
            throw new StorageUnavailableException($"The PostgreSQL state store is unavailable ({exception.GetType().Name}).", exception);
        }
    }

    private async ValueTask EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(_sql.CreateSchema, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
