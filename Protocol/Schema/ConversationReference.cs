namespace BackCareBot.Protocol.Schema;

/// <summary>Everything needed to send into a conversation later: who, where, and through which service.</summary>
public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }

    /// <summary>A fresh outgoing activity addressed to this conversation.</summary>
    public Activity CreateActivity(string type = ActivityTypes.Message) => new()
    {
        Type = type,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Bot,
        Recipient = User,
        Locale = Locale,
    };
}
