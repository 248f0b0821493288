using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Host;

/// <summary>When the state store fails mid-conversation the person still gets a safe answer, and the chat recovers.</summary>
public sealed class TurnFailureTests : IAsyncLifetime
{
    private readonly FaultyStorage _storage = new();
    private BotApplicationFactory _factory = null!;
    private BotConversation _chat = null!;

    public async Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services => services.UseStorage(_storage));
        _chat = new BotConversation(_factory.CreateClient());
        await _chat.StartAsync();
        await _chat.SayAsync("3 days ago");
        _storage.FailReadsOf(StorageKeys.Conversation(global::BackCareBot.Protocol.Schema.Channels.Test, _chat.ConversationId)!);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Say_StoreFailsOnRead_ApologyWithEmergencyNumber()
    {
        var replies = (await _chat.SayAsync("suddenly")).Messages().ToList();

        var reply = Assert.Single(replies);
        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Say_StoreFailsOnReadAndMessageIsARedFlag_EmergencyAdvice()
    {
        var replies = (await _chat.SayAsync("I've wet myself")).Messages().ToList();

        Assert.True(replies[0].Says("emergency"), replies.Texts());
        Assert.Contains("999", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, reply => reply.Says("turnError"));
    }

    [Fact]
    public async Task Say_AfterTheStoreRecovers_ConversationCarriesOn()
    {
        await _chat.SayAsync("suddenly");
        _storage.Recover();

        var replies = (await _chat.SayAsync("suddenly")).Messages().ToList();

        Assert.DoesNotContain(replies, reply => reply.Says("turnError") || reply.Says("welcome"));
        Assert.True(replies[^1].Says("askLocation"), replies.Texts());
    }
}
