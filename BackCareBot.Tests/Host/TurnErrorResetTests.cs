using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Host;

/// <summary>After a turn fails for a reason other than the store, the conversation starts afresh with no question left waiting.</summary>
public sealed class TurnErrorResetTests
{
    private const string Breaking = "this message breaks the turn";

    [Fact]
    public async Task TurnFails_WhileASymptomQuestionWaits_ResetLeavesNoQuestionWaiting()
    {
        var storage = new FaultyStorage();
        await using var factory = new BotApplicationFactory().WithServices(services =>
        {
            services.UseStorage(storage);
            services.AddSingleton<IMiddleware>(new FailingTurn(onlyFor: Breaking));
        });
        var chat = new BotConversation(factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        var key = StorageKeys.Conversation(Channels.Test, chat.ConversationId)!;
        Assert.Contains("pendingQuestion", await StoredJsonAsync(storage, key), StringComparison.Ordinal);

        var replies = (await chat.SayAsync(Breaking)).Messages().ToList();

        Assert.True(Assert.Single(replies).Says("turnError"), replies.Texts());
        Assert.DoesNotContain("pendingQuestion", await StoredJsonAsync(storage, key), StringComparison.Ordinal);
    }

    private static async Task<string> StoredJsonAsync(FaultyStorage storage, string key) =>
        (await storage.ReadAsync([key], CancellationToken.None)).TryGetValue(key, out var item) ? item.Json : string.Empty;
}
