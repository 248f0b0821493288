using BackCareBot.Protocol.Builder;

namespace BackCareBot.Protocol.State;

/// <summary>State that follows one person across conversations on a channel.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string? GetStorageKey(ITurnContext turnContext) =>
        StorageKeys.User(turnContext.Activity.ChannelId, turnContext.Activity.From?.Id);
}
