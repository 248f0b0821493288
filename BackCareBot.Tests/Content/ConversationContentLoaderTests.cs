using System.Text;
using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Content;

namespace BackCareBot.Tests.Content;

public sealed class ConversationContentLoaderTests
{
    [Fact]
    public void Load_EmbeddedEnglish_HasEveryKeyTheCodeUses()
    {
        var content = ConversationContentLoader.Load("en");

        Assert.All(ContentKeys.Messages, key => Assert.False(string.IsNullOrWhiteSpace(content.Message(key).Text)));
        Assert.All(ContentKeys.Tips, key => Assert.False(string.IsNullOrWhiteSpace(content.Tip(key).Text)));
    }

    [Fact]
    public void Load_MessageMissing_FailsNamingTheKey()
    {
        var knowledge = EnglishKnowledge();
        knowledge["conversation"]!["messages"]!.AsObject().Remove("emergency");

        var error = Assert.Throws<InvalidDataException>(() => Load(knowledge));

        Assert.Contains("\"emergency\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyTip_FailsNamingTheTip()
    {
        var knowledge = EnglishKnowledge();
        knowledge["conversation"]!["tips"]!["coldEarly"]!["text"] = "  ";

        var error = Assert.Throws<InvalidDataException>(() => Load(knowledge));

        Assert.Contains("coldEarly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoConversationSection_Fails()
    {
        var knowledge = EnglishKnowledge();
        knowledge.Remove("conversation");

        var error = Assert.Throws<InvalidDataException>(() => Load(knowledge));

        Assert.Contains("conversation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotJson_FailsWithSourceName()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"conversation\": [ "));

        var error = Assert.Throws<InvalidDataException>(() => ConversationContentLoader.Load(stream, "broken.json"));

        Assert.StartsWith("broken.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishContent_NeverNamesADose()
    {
        var content = ConversationContentLoader.Load("en");
        var everything = string.Join(' ', content.Messages.Values.Select(l => l.Text + " " + l.Speak).Concat(content.Tips.Values.Select(l => l.Text)));

        Assert.DoesNotMatch(@"\b\d+\s?(mg|milligrams?|ml|tablets?|pills?|capsules?)\b", everything);
    }

    private static JsonObject EnglishKnowledge()
    {
        using var stream = KnowledgeFile.Open("en");
        return JsonNode.Parse(stream, documentOptions: KnowledgeFile.DocumentOptions)!.AsObject();
    }

    private static ConversationContent Load(JsonObject knowledge)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(knowledge.ToJsonString()));
        return ConversationContentLoader.Load(stream, "test.json");
    }
}
