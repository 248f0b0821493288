using BackCareBot.Connector;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.FollowUps;

/// <summary>Sends through the channel's Bot Connector, at the serviceUrl stored from the person's last turn.</summary>
internal sealed class ConnectorProactiveSender(IConnectorClient client) : IProactiveSender
{
    public bool CanSend(ConversationReference conversation) =>
        conversation.ServiceUrl is { Length: > 0 } && conversation.Conversation?.Id is { Length: > 0 };

    public async Task SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken)
    {
        if (!CanSend(conversation))
        {
            throw new ArgumentException("The conversation reference has no serviceUrl or conversation id.", nameof(conversation));
        }

        await client.SendToConversationAsync(conversation.ServiceUrl!, conversation.Conversation!.Id!, activity, cancellationToken);
    }
}
