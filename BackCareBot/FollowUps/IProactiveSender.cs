using BackCareBot.Protocol.Schema;

namespace BackCareBot.FollowUps;

/// <summary>
/// Sends a message into a conversation outside any turn. The Bot Connector covers every Azure Bot Service
/// channel; a channel the host serves itself (the built-in Direct Line) registers its own.
/// </summary>
public interface IProactiveSender
{
    /// <summary>True when this sender can reach the conversation.</summary>
    bool CanSend(ConversationReference conversation);

    Task SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken);
}
