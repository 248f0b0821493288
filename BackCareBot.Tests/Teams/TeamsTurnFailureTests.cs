using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Teams;

/// <summary>A failed turn in a group chat or channel keeps the privacy of the normal path: no symptoms repeated, nothing stored.</summary>
public sealed class TeamsTurnFailureTests : IAsyncLifetime
{
    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory().WithServices(services => services.AddSingleton<IMiddleware>(new FailingTurn()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("channel")]
    [InlineData("groupChat")]
    public async Task SharedConversation_TurnFailsOnARedFlag_EmergencyAdviceWithoutTheirSymptomsAndNothingStored(string conversationType)
    {
        var chat = new TeamsChat(_factory.CreateClient(), conversationType: conversationType);

        var replies = await chat.SayAsync("my back hurts and I can't control my bladder", mentionName: TeamsChat.BotName);

        var message = Assert.Single(replies.Messages());
        GroupAdvice.AssertBladderEmergencyKeptPrivate(message);
        var storage = _factory.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync(
            [StorageKeys.Conversation(Channels.MsTeams, chat.ConversationId)!, StorageKeys.User(Channels.MsTeams, chat.UserId)!],
            CancellationToken.None));
    }
}
