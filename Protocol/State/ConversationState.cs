using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

/// <summary>State shared by everyone in one conversation: the dialog stack and the triage so far.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string? GetStorageKey(ITurnContext turnContext) =>
        StorageKeys.Conversation(turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
}
