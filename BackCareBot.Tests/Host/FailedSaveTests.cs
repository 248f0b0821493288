using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Host;

/// <summary>
/// A turn that reached the emergency advice through the conversation ("yes" to a red-flag question), then
/// failed to save, still gives that advice: it does not depend on the state that was lost.
/// </summary>
public sealed class FailedSaveTests : IAsyncLifetime
{
    private readonly FaultyStorage _storage = new();
    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services => services.UseStorage(_storage));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task YesToTheBladderQuestion_SaveFails_EmergencyAdviceNotTheApology()
    {
        var chat = new BotConversation(_factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        _storage.FailWritesOf(StorageKeys.Conversation(global::BackCareBot.Protocol.Schema.Channels.Test, chat.ConversationId)!);
        var replies = (await chat.SayAsync("yes")).Messages().ToList();

        Assert.True(replies[0].Says("emergency"), replies.Texts());
        Assert.DoesNotContain(replies, reply => reply.Says("turnError"));
    }

    [Fact]
    public async Task OrdinaryAnswer_SaveFails_ApologyWithEmergencyNumber()
    {
        var chat = new BotConversation(_factory.CreateClient());
        await chat.StartAsync();
        _storage.FailWritesOf(StorageKeys.Conversation(global::BackCareBot.Protocol.Schema.Channels.Test, chat.ConversationId)!);

        var reply = Assert.Single((await chat.SayAsync("3 days ago")).Messages());

        Assert.True(reply.Says("turnError"), reply.Text);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);
    }
}
