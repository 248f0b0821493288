using System.Text.Json;
using System.Text.Json.Serialization;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;

namespace BackCareBot.Tests.Host;

/// <summary>
/// Bot middleware that counts a conversation's turns in its own conversation state, saved with the bot's:
/// if two turns ever read the same state and both saved, the count would come out short. It holds each
/// turn open between the read and the save, as a slow store or a slow turn would, so overlapping turns collide.
/// </summary>
internal sealed class TurnCounter(ConversationState state, TimeSpan holdTurnOpen) : IMiddleware
{
    private readonly IStatePropertyAccessor<int> _turns = state.CreateProperty("test.turns", TurnCounterJson.Default.Int32);

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var turns = await _turns.GetAsync(turnContext, () => 0, cancellationToken);
        await Task.Delay(holdTurnOpen, cancellationToken);
        await _turns.SetAsync(turnContext, turns + 1, cancellationToken);
        await next(cancellationToken);
    }

    public static async Task<int> CountAsync(IStorage storage, string channelId, string conversationId)
    {
        var key = StorageKeys.Conversation(channelId, conversationId)!;
        var items = await storage.ReadAsync([key], CancellationToken.None);
        using var document = JsonDocument.Parse(items[key].Json);
        return document.RootElement.GetProperty("test.turns").GetInt32();
    }
}

[JsonSerializable(typeof(int))]
internal sealed partial class TurnCounterJson : JsonSerializerContext;
