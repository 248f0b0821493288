using BackCareBot.Dialogs.Teams;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Teams;

public sealed class BotMentionRemoverTests
{
    [Fact]
    public void Remove_BotAndPersonMentioned_RemovesOnlyTheBot()
    {
        var activity = Activity("<at>BackCareBot</at> can you help <at>Sam</at>?", TeamsChat.Mention(TeamsChat.BotId, "BackCareBot"), TeamsChat.Mention("29:sam", "Sam"));

        Assert.Equal("can you help <at>Sam</at>?", BotMentionRemover.Remove(activity));
    }

    [Fact]
    public void Remove_MentionTextInOtherCase_StillRemoved()
    {
        var activity = Activity("<AT>backcarebot</AT> help", TeamsChat.Mention(TeamsChat.BotId, "BackCareBot"));

        Assert.Equal("help", BotMentionRemover.Remove(activity));
    }

    [Fact]
    public void Remove_NoMentionEntity_TextKeptAsWritten()
    {
        var activity = Activity("<at>BackCareBot</at> help");

        Assert.Equal("<at>BackCareBot</at> help", BotMentionRemover.Remove(activity));
    }

    [Fact]
    public void Remove_EntityWithoutText_UsesTheMentionedName()
    {
        var entity = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "Mention",
            ["mentioned"] = new Dictionary<string, string> { ["id"] = TeamsChat.BotId, ["name"] = "BackCareBot" },
        });

        Assert.Equal("tips", BotMentionRemover.Remove(Activity("<at>BackCareBot</at> tips", entity)));
    }

    private static Activity Activity(string text, params System.Text.Json.JsonElement[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = TeamsChat.BotId },
        Entities = entities.Length == 0 ? null : entities,
    };
}
