using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Messages;

/// <summary>What a channel can show, where the bot's messages differ by channel.</summary>
public static class ChannelCapabilities
{
    /// <summary>Channels that render Adaptive Cards; voice channels and unknown ones get everything as text.</summary>
    public static bool ShowsAdaptiveCards(string? channelId) =>
        channelId is Channels.MsTeams or Channels.WebChat or Channels.DirectLine or Channels.Emulator;
}
