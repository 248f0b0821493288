using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.WebChat;

/// <summary>What the web page relies on in the bot's outcome messages: Adaptive Cards Teams can render too, and the emergency marker.</summary>
public sealed class OutcomeCardsTests(BotApplicationFactory factory) : IClassFixture<BotApplicationFactory>
{
    [Fact]
    public async Task SelfCareOutcome_TipsAndSummary_CarryVersion15CardsAndKeepTextAndSpeech()
    {
        var chat = new BotConversation(factory.CreateClient(), Channels.WebChat);
        await chat.StartAsync();
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        IReadOnlyList<Activity> last = [];
        foreach (var _ in TriageScript.SymptomIds)
        {
            last = await chat.SayAsync("no");
        }

        var withCards = last.Where(a => a.Attachments is { Count: > 0 }).ToList();
        Assert.Equal(2, withCards.Count);
        foreach (var message in withCards)
        {
            var attachment = Assert.Single(message.Attachments!);
            Assert.Equal(ContentTypes.AdaptiveCard, attachment.ContentType);
            Assert.Equal("1.5", attachment.Content!.Value.GetProperty("version").GetString());
            Assert.False(string.IsNullOrWhiteSpace(message.Text));
            Assert.False(string.IsNullOrWhiteSpace(message.Speak));
        }

        var summaryCard = withCards[1].Attachments![0].Content!.Value.GetProperty("body");
        Assert.Equal(TriageScript.Content.Summary.Title, summaryCard[0].GetProperty("text").GetString());
        Assert.Contains(summaryCard.EnumerateArray(), e => e.GetProperty("type").GetString() == "FactSet"
            && e.GetProperty("facts").EnumerateArray().Any(f => f.GetProperty("value").GetString() == "4/10"));
        Assert.Contains(TriageScript.Content.Tip("coldEarly").Text, withCards[0].Attachments![0].Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmergencyOutcome_OnWebChat_MessageCarriesMarkerWithTheLocalNumber()
    {
        var chat = new BotConversation(factory.CreateClient(), Channels.WebChat, locale: "en-GB");
        await chat.StartAsync();

        var replies = await chat.SayAsync("I wet myself this morning");

        var advice = replies.First(a => a.Type == ActivityTypes.Message);
        Assert.True(advice.Says("emergency"), advice.Text);
        var marker = advice.ChannelData!.Value.GetProperty("backcarebot");
        Assert.Equal("emergency", marker.GetProperty("outcome").GetString());
        Assert.Equal("999", marker.GetProperty("emergencyNumber").GetString());
    }

    [Fact]
    public async Task EmergencyOutcome_LocaleWithoutCountry_MarkerHasNoNumberToDial()
    {
        var chat = new BotConversation(factory.CreateClient(), Channels.WebChat, locale: "en");
        await chat.StartAsync();

        var replies = await chat.SayAsync("I wet myself this morning");

        var marker = replies.First(a => a.Type == ActivityTypes.Message).ChannelData!.Value.GetProperty("backcarebot");
        Assert.Equal("emergency", marker.GetProperty("outcome").GetString());
        Assert.False(marker.TryGetProperty("emergencyNumber", out _));
    }

    [Fact]
    public async Task OrdinaryQuestion_OnWebChat_HasNoEmergencyMarker()
    {
        var chat = new BotConversation(factory.CreateClient(), Channels.WebChat);
        var replies = await chat.StartAsync();

        Assert.All(replies, a => Assert.True(a.ChannelData is null || a.ChannelData.Value.ValueKind != JsonValueKind.Object || !a.ChannelData.Value.TryGetProperty("backcarebot", out _)));
    }
}
