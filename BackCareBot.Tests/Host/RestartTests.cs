using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Host;

/// <summary>A conversation outlives the process: SQLite state on disk is picked up by the next host.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("backcarebot-restart-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Say_HostRestartedOnSameSqliteFolder_ConversationContinuesAtTheNextQuestion()
    {
        string conversationId;
        string userId;
        await using (var first = SqliteHost())
        {
            var before = new BotConversation(first.CreateClient());
            await before.StartAsync();
            var asked = (await before.SayAsync("3 days ago")).Messages().ToList();
            Assert.True(asked[^1].Says("askOnsetHow"), asked.Texts());
            (conversationId, userId) = (before.ConversationId, before.UserId);
        }

        await using var second = SqliteHost();
        var after = second.CreateClient();
        var message = MessagesRequests.Message(conversationId, "suddenly");
        message.From = new global::BackCareBot.Protocol.Schema.ChannelAccount { Id = userId };
        message.DeliveryMode = global::BackCareBot.Protocol.Schema.DeliveryModes.ExpectReplies;

        using var response = await after.PostActivityAsync(message);

        var replies = (await response.ReadRepliesAsync()).Messages().ToList();
        Assert.DoesNotContain(replies, reply => reply.Says("welcome") || reply.Says("askOnsetWhen"));
        Assert.True(replies[^1].Says("askLocation"), replies.Texts());
    }

    private BotApplicationFactory SqliteHost() => new BotApplicationFactory()
        .With("Storage:Provider", "Sqlite")
        .With("Storage:DataDirectory", _dataDirectory);
}
