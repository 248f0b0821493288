using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Teams;

/// <summary>A message edited in Teams is not answered again, unless the edit names a red flag.</summary>
public sealed class EditedMessageTests : IClassFixture<BotApplicationFactory>
{
    private readonly BotApplicationFactory _factory;

    public EditedMessageTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task MessageUpdate_EditAddsRedFlag_EmergencyAdvice()
    {
        var chat = new TeamsChat(_factory.CreateClient());
        await chat.SayAsync("hi");

        var replies = await chat.ExchangeAsync(new Activity { Type = ActivityTypes.MessageUpdate, Text = "since Monday, and now I can't feel it when I wipe" });

        var advice = Assert.Single(replies.Messages());
        Assert.True(advice.Says("emergency"), advice.Text);
    }

    [Fact]
    public async Task MessageUpdate_OrdinaryEdit_NoReply()
    {
        var chat = new TeamsChat(_factory.CreateClient());
        await chat.SayAsync("hi");

        var replies = await chat.ExchangeAsync(new Activity { Type = ActivityTypes.MessageUpdate, Text = "since Monday" });

        Assert.Empty(replies.Messages());
    }

    [Fact]
    public async Task MessageUpdate_RedFlagInGroupChat_AdviceWithoutReasons()
    {
        var chat = new TeamsChat(_factory.CreateClient(), conversationType: "groupChat");

        var replies = await chat.ExchangeAsync(new Activity { Type = ActivityTypes.MessageUpdate, Text = "my legs keep giving way" });

        var advice = Assert.Single(replies.Messages());
        Assert.True(advice.Says("emergencyGroup"), advice.Text);
    }
}
