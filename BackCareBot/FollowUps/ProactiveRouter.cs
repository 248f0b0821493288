using BackCareBot.Protocol.Schema;

namespace BackCareBot.FollowUps;

/// <summary>
/// Picks the sender for a conversation: any sender the host registered for its own channels first, the
/// Bot Connector otherwise.
/// </summary>
internal sealed class ProactiveRouter(IEnumerable<IProactiveSender> channelSenders, ConnectorProactiveSender connector)
{
    private readonly IReadOnlyList<IProactiveSender> _channelSenders = [.. channelSenders];

    public Task SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken)
    {
        var sender = _channelSenders.FirstOrDefault(s => s.CanSend(conversation)) ?? connector;
        return sender.SendAsync(conversation, activity, cancellationToken);
    }
}
