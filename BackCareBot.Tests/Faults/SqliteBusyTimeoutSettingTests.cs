using BackCareBot.Storage.Sqlite;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Faults;

/// <summary>Storage:Sqlite:BusyTimeout reaches the store the host builds, and nonsense values stop the host.</summary>
public sealed class SqliteBusyTimeoutSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backcarebot-busy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Say_ShortBusyTimeoutSetAndFileLocked_ApologyWellBeforeTheDefaultTimeout()
    {
        await using var factory = SqliteHost().With("Storage:Sqlite:BusyTimeout", "00:00:00.300");
        var chat = new BotConversation(factory.CreateClient());
        await chat.StartAsync();
        using var other = new SqliteConnection($"Data Source={Path.Combine(_folder, SqliteStorage.FileName)};Pooling=False");
        other.Open();
        using var lockFile = other.CreateCommand();
        lockFile.CommandText = "BEGIN EXCLUSIVE";
        lockFile.ExecuteNonQuery();

        // The default (10 s) would still be waiting at this bound; the setting is what ends the wait sooner.
        var replies = (await chat.SayAsync("3 days ago").WaitAsync(TimeSpan.FromSeconds(8))).Messages().ToList();

        Assert.True(Assert.Single(replies).Says("turnError"), replies.Texts());
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public async Task Start_BusyTimeoutOutOfRange_OptionsValidationExceptionNamingIt(string value)
    {
        await using var factory = SqliteHost().With("Storage:Sqlite:BusyTimeout", value);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        while (exception is not OptionsValidationException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        Assert.Contains("Storage:Sqlite:BusyTimeout", Assert.IsType<OptionsValidationException>(exception).Message, StringComparison.Ordinal);
    }

    private BotApplicationFactory SqliteHost() => new BotApplicationFactory()
        .With("Storage:Provider", "Sqlite")
        .With("Storage:DataDirectory", _folder);
}
