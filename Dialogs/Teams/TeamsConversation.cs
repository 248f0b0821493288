using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Teams;

/// <summary>What kind of conversation an activity belongs to, as Teams (and other channels) describe it.</summary>
public static class TeamsConversation
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";

    public static bool IsTeams(Activity activity) => activity.ChannelId == Channels.MsTeams;

    /// <summary>
    /// True for a group chat or a team channel, where other people read along. Any channel's isGroup flag
    /// counts too, so a shared conversation elsewhere gets the same privacy.
    /// </summary>
    public static bool IsShared(Activity activity) =>
        activity.Conversation is { } conversation
        && (conversation.IsGroup == true || conversation.ConversationType is GroupChat or Channel);

    /// <summary>
    /// Teams announces a personal install by adding the bot itself, not the person, to the conversation;
    /// that is the moment to welcome them.
    /// </summary>
    public static bool IsPersonalInstall(Activity activity) =>
        IsTeams(activity)
        && !IsShared(activity)
        && activity.MembersAdded?.Any(member => member.Id is not null && member.Id == activity.Recipient?.Id) == true;
}
