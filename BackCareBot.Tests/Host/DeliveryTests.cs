using System.Net;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Triage;

namespace BackCareBot.Tests.Host;

/// <summary>How replies leave the host: in the HTTP answer (expectReplies) or posted to the channel's serviceUrl.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private readonly BotApplicationFactory _factory = new BotApplicationFactory().With("Connector:MaxAttempts", "1");
    private RecordingConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await RecordingConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task ExpectReplies_EmulatorConversation_200WithActivitiesOfEachTurn()
    {
        using var client = _factory.CreateClient();
        var conversationId = $"conv-{Guid.NewGuid():N}";
        var join = MessagesRequests.Message(conversationId, text: null, Channels.Emulator);
        join.Type = ActivityTypes.ConversationUpdate;
        join.MembersAdded = [new ChannelAccount { Id = "user-1" }];
        join.DeliveryMode = DeliveryModes.ExpectReplies;
        var answer = MessagesRequests.Message(conversationId, "3 days ago", Channels.Emulator);
        answer.DeliveryMode = DeliveryModes.ExpectReplies;

        using var joined = await client.PostActivityAsync(join);
        using var answered = await client.PostActivityAsync(answer);

        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await joined.Content.ReadAsStringAsync()).RootElement.GetProperty("activities").ValueKind);
        var welcome = (await joined.ReadRepliesAsync()).Messages().ToList();
        Assert.True(welcome[0].Says("welcome"), welcome.Texts());
        Assert.True(welcome[^1].Says("askOnsetWhen"), welcome.Texts());
        var next = (await answered.ReadRepliesAsync()).Messages().ToList();
        Assert.True(next[^1].Says("askOnsetHow"), next.Texts());
        Assert.All(welcome.Concat(next), reply =>
        {
            Assert.Equal(Channels.Emulator, reply.ChannelId);
            Assert.Equal(conversationId, reply.Conversation?.Id);
            Assert.Equal("user-1", reply.Recipient?.Id);
        });
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Invoke_NoHandler_501AndNothingSent()
    {
        using var client = _factory.CreateClient();
        var invoke = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", text: null, Channels.MsTeams, _connector.BaseUrl);
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "composeExtension/query";

        using var response = await client.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Message_NormalDelivery_RepliesPostedInOrderToEscapedTeamsAddress()
    {
        using var client = _factory.CreateClient();
        const string conversationId = "a:1Tz9xQ;messageid=1712345678901";
        const string activityId = "1:1712345678901@thread.v2";
        var join = MessagesRequests.Message(conversationId, text: null, Channels.MsTeams, _connector.BaseUrl);
        join.Type = ActivityTypes.ConversationUpdate;
        join.Id = activityId;
        join.MembersAdded = [new ChannelAccount { Id = "29:user-1" }];

        using var response = await client.PostActivityAsync(join);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var requests = _connector.Requests;
        Assert.True(requests.Count >= 2, $"expected the welcome and the first question, got {requests.Count} requests");
        Assert.All(requests, request =>
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("/v3/conversations/a%3A1Tz9xQ%3Bmessageid%3D1712345678901/activities/1%3A1712345678901%40thread.v2", request.RawTarget);
        });
        var sent = requests.Select(request => BotJson.Deserialize(request.Body)!).ToList();
        Assert.True(sent[0].Says("welcome"), sent.Texts());
        Assert.True(sent[^1].Says("askOnsetWhen"), sent.Texts());
        Assert.All(sent, activity => Assert.Equal(activityId, activity.ReplyToId));
        Assert.DoesNotContain(sent, activity => activity.Type == ActivityTypes.Trace);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/only")]
    [InlineData("ftp://channel.example/")]
    public async Task Message_NormalDeliveryWithoutUsableServiceUrl_400ProblemDetails(string? serviceUrl)
    {
        using var client = _factory.CreateClient();
        var message = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        message.ServiceUrl = serviceUrl;

        using var response = await client.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await OversizedBodyTests.AssertProblemAsync(response);
    }

    [Fact]
    public async Task Message_ExpectRepliesWithoutServiceUrl_200WithReplies()
    {
        using var client = _factory.CreateClient();
        var message = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        message.ServiceUrl = null;
        message.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await client.PostActivityAsync(message);

        Assert.NotEmpty((await response.ReadRepliesAsync()).Messages());
    }
}
