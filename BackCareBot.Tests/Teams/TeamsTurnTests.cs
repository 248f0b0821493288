using System.Net;
using System.Text.Json;
using BackCareBot.Dialogs.Triage.Flow;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.Teams;

/// <summary>Teams conversations through the real host: mentions, group privacy, choice cards and card-action invokes.</summary>
public sealed class TeamsTurnTests : IClassFixture<BotApplicationFactory>
{
    // A display name the recogniser would read as a red flag if the mention were left in the text.
    private const string AlarmingBotName = "Bladder Control Bot";

    private readonly BotApplicationFactory _factory;

    public TeamsTurnTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task Message_BotMentionedByAlarmingName_MentionIsNotReadAsSymptom()
    {
        var chat = new TeamsChat(_factory.CreateClient());

        var replies = await chat.SayAsync("hello", mentionName: AlarmingBotName);

        Assert.DoesNotContain(replies.Messages(), m => m.Says("emergency"));
        Assert.True(replies.Messages().First().Says("welcome"), replies.Texts());
    }

    [Fact]
    public async Task Message_SameTextWithoutMentionEntity_IsReadAsWritten()
    {
        var chat = new TeamsChat(_factory.CreateClient());

        var replies = await chat.ExchangeAsync(new Activity { Type = ActivityTypes.Message, Text = $"<at>{AlarmingBotName}</at> hello" });

        Assert.True(replies.Messages().First().Says("emergency"), replies.Texts());
    }

    [Fact]
    public async Task GroupChat_Symptoms_InvitesToPrivateChatWithoutRepeatingThemOrStoringAnything()
    {
        var chat = new TeamsChat(_factory.CreateClient(), conversationType: "groupChat");

        var replies = await chat.SayAsync("my lower back has hurt since Tuesday, about 6 out of 10", mentionName: TeamsChat.BotName);

        var message = Assert.Single(replies.Messages());
        Assert.True(message.Says("groupChat"), message.Text);
        Assert.DoesNotContain("lower back", message.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(message.SuggestedActions);
        Assert.Null(message.Attachments);
        Assert.Empty(await StoredConversationAsync(chat));
    }

    [Fact]
    public async Task ChannelMessage_RedFlag_GivesEmergencyAdviceWithoutTheirSymptoms()
    {
        var chat = new TeamsChat(_factory.CreateClient(), conversationType: "channel");

        var replies = await chat.SayAsync("my back hurts and I can't control my bladder", mentionName: TeamsChat.BotName);

        var message = Assert.Single(replies.Messages());
        GroupAdvice.AssertBladderEmergencyKeptPrivate(message);
        Assert.Equal(InputHints.IgnoringInput, message.InputHint);
        Assert.Empty(await StoredConversationAsync(chat));
    }

    [Fact]
    public async Task ConversationUpdate_BotAddedToTeam_SaysNothing()
    {
        var chat = new TeamsChat(_factory.CreateClient(), conversationType: "channel");

        var replies = await chat.ExchangeAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = TeamsChat.BotId }, new ChannelAccount { Id = "29:someone" }],
        });

        Assert.Empty(replies.Messages());
    }

    [Fact]
    public async Task ConversationUpdate_PersonalInstall_WelcomesOnce()
    {
        var chat = new TeamsChat(_factory.CreateClient());
        Activity Install() => new() { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = TeamsChat.BotId }] };

        var first = await chat.ExchangeAsync(Install());
        var again = await chat.ExchangeAsync(Install());

        Assert.True(first.Messages().First().Says("welcome"), first.Texts());
        Assert.Empty(again.Messages());
    }

    [Theory]
    [InlineData(ActivityTypes.MessageReaction, null)]
    [InlineData(ActivityTypes.InstallationUpdate, null)]
    [InlineData(ActivityTypes.Event, "application/vnd.microsoft.meetingStart")]
    [InlineData(ActivityTypes.Typing, null)]
    public async Task OtherActivity_IsIgnoredWithoutError(string type, string? name)
    {
        var chat = new TeamsChat(_factory.CreateClient());

        var replies = await chat.ExchangeAsync(new Activity { Type = type, Name = name });

        Assert.Empty(replies);
    }

    [Fact]
    public async Task Question_WithChoices_SentAsAdaptiveCardWithExecuteButtons()
    {
        var chat = new TeamsChat(_factory.CreateClient());
        await chat.SayAsync("hi");

        var replies = await chat.SayAsync("3 days ago");

        var question = replies.Messages().Last();
        Assert.Null(question.SuggestedActions);
        Assert.Null(question.Text);
        var card = Assert.Single(question.Attachments!);
        Assert.Equal(ContentTypes.AdaptiveCard, card.ContentType);
        var content = card.Content!.Value;
        Assert.Equal("1.5", content.GetProperty("version").GetString());
        Assert.StartsWith(TriageScript.Opening("askOnsetHow"), content.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = content.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(TriageScript.Content.Message("askOnsetHow").Choices, buttons.Select(b => b.GetProperty("title").GetString()));
        Assert.All(buttons, b => Assert.Equal("Action.Execute", b.GetProperty("type").GetString()));
        Assert.Equal("Suddenly", buttons[0].GetProperty("data").GetProperty("answer").GetString());
        Assert.All(buttons, b => Assert.Equal(TriageQuestions.OnsetHow, b.GetProperty("data").GetProperty("question").GetString()));
    }

    [Fact]
    public async Task CardActionInvoke_NoOnAnEarlierQuestionsCard_AsksTheWaitingQuestionAgain()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var chat = new TeamsChat(_factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await AtSaddleQuestionAsync(chat);

        using var response = await chat.PostAsync(TeamsChat.CardAnswer("No", BladderQuestion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var question = BotJson.Deserialize(connector.Requests[^1].Body)!;
        var button = question.Attachments![0].Content!.Value.GetProperty("actions")[0];
        Assert.Equal("symptom:saddle", button.GetProperty("data").GetProperty("question").GetString());
        var next = await chat.SayAsync("no");
        Assert.Contains(next.Messages(), m => m.Attachments?[0].Content?.GetProperty("actions")[0].GetProperty("data").GetProperty("question").GetString() == "symptom:legs");
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("Not sure")]
    public async Task CardActionInvoke_YesOnAnEarlierRedFlagQuestionsCard_GivesEmergencyAdvice(string answer)
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var chat = new TeamsChat(_factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await AtSaddleQuestionAsync(chat);

        using var response = await chat.PostAsync(TeamsChat.CardAnswer(answer, BladderQuestion));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = BotJson.Deserialize(connector.Requests[0].Body)!;
        Assert.True(first.Says("emergency"), first.Text);
    }

    private const string BladderQuestion = "symptom:bladder_bowel";

    private static async Task AtSaddleQuestionAsync(TeamsChat chat)
    {
        await chat.SayAsync("hi");
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        var saddle = await chat.SayAsync("no");
        Assert.Contains(saddle.Messages(), m => m.Attachments?[0].Content?.GetProperty("actions")[0].GetProperty("data").GetProperty("question").GetString() == "symptom:saddle");
    }

    [Fact]
    public async Task Summary_MultiLineText_UsesParagraphBreaksInTeams()
    {
        var chat = new TeamsChat(_factory.CreateClient());
        await chat.SayAsync("hi");
        await chat.SayAsync("3 days ago");

        var replies = await chat.SayAsync("what do you know");

        var summary = replies.Messages().Single(m => m.Says("whatIKnow"));
        Assert.Contains("\n\n", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\n]\n[^\n]", summary.Text);
    }

    [Fact]
    public async Task CardActionInvoke_Answer_RespondsSynchronouslyAndRepliesThroughConnector()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var chat = new TeamsChat(_factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await chat.SayAsync("hi");
        await chat.SayAsync("3 days ago");

        using var response = await chat.PostAsync(TeamsChat.CardAnswer("Suddenly"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(TriageScript.Content.Message("cardAnswerReceived").Text, body.RootElement.GetProperty("value").GetString());
        var sent = connector.Requests.Select(r => BotJson.Deserialize(r.Body)!).ToList();
        Assert.NotEmpty(sent);
        Assert.All(connector.Requests, r => Assert.Equal("POST", r.Method));
        var question = sent.Last();
        Assert.StartsWith(TriageScript.Opening("askLocation"), question.Attachments![0].Content!.Value.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardActionInvoke_AnswerWithRedFlag_GivesEmergencyAdvice()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var chat = new TeamsChat(_factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");
        await chat.SayAsync("hi");

        using var response = await chat.PostAsync(TeamsChat.CardAnswer("I can't control my bladder"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = BotJson.Deserialize(connector.Requests[0].Body)!;
        Assert.True(first.Says("emergency"), first.Text);
    }

    [Fact]
    public async Task Invoke_UnknownName_NotImplemented()
    {
        await using var connector = await RecordingConnectorServer.StartAsync();
        var chat = new TeamsChat(_factory.CreateClient(), serviceUrl: connector.BaseUrl + "/");

        using var response = await chat.PostAsync(new Activity { Type = ActivityTypes.Invoke, Name = "composeExtension/query" });

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(connector.Requests);
    }

    private async Task<IReadOnlyDictionary<string, StoreItem>> StoredConversationAsync(TeamsChat chat)
    {
        var storage = _factory.Services.GetRequiredService<IStorage>();
        return await storage.ReadAsync(
            [StorageKeys.Conversation(Channels.MsTeams, chat.ConversationId)!, StorageKeys.User(Channels.MsTeams, chat.UserId)!],
            CancellationToken.None);
    }
}
