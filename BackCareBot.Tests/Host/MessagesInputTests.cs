using System.Net;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Functional;

namespace BackCareBot.Tests.Host;

/// <summary>What POST /api/messages answers to bodies no channel should send: a problem, never a crash.</summary>
public sealed class MessagesInputTests : IClassFixture<BotApplicationFactory>
{
    private readonly HttpClient _client;

    public MessagesInputTests(BotApplicationFactory factory)
    {
        _client = factory.CreateClient();
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"type\":\"message\",\"conversation\":{\"id\":\"c1\"" },
        { "array instead of object", "[{\"type\":\"message\",\"conversation\":{\"id\":\"c1\"}}]" },
        { "missing type", "{\"channelId\":\"test\",\"conversation\":{\"id\":\"c1\"},\"text\":\"hi\"}" },
        { "blank type", "{\"type\":\" \",\"channelId\":\"test\",\"conversation\":{\"id\":\"c1\"}}" },
        { "text is a number", "{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c1\"},\"text\":5}" },
        { "from is a string", "{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c1\"},\"from\":\"x\"}" },
        { "timestamp is not a date", "{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{\"id\":\"c1\"},\"timestamp\":\"yesterday\"}" },
        { "missing conversation", "{\"type\":\"message\",\"channelId\":\"test\",\"text\":\"hi\"}" },
        { "missing conversation id", "{\"type\":\"message\",\"channelId\":\"test\",\"conversation\":{}}" },
        { "empty body", "" },
        { "null literal", "null" },
        { "channelData nested deeper than the reader allows", "{\"type\":\"message\",\"conversation\":{\"id\":\"c1\"},\"channelData\":" + new string('[', 200) + new string(']', 200) + "}" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_InvalidActivity_400ProblemDetails(string because, string body)
    {
        using var response = await _client.PostRawAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), because);
    }

    [Fact]
    public async Task Get_WithoutWebSocketUpgrade_405()
    {
        using var response = await _client.GetAsync(MessagesRequests.Messages);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("someFutureType")]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.EndOfConversation)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.MessageReaction)]
    public async Task Post_ActivityTypeTheBotIgnores_200AndNoReplies(string type)
    {
        var activity = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", "hello");
        activity.Type = type;
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task Post_UnknownFieldsAndChannelData_200AndTheTurnRuns()
    {
        const string body = """
            {"type":"message","id":"a1","channelId":"test","serviceUrl":"https://channel.invalid/","deliveryMode":"expectReplies",
             "conversation":{"id":"conv-unknown-fields","tenantId":"t1","extra":{"deep":[1,2,3]}},
             "from":{"id":"u1","aadObjectId":"o1"},"recipient":{"id":"bot"},"locale":"en-GB","text":"hi",
             "channelData":{"tenant":{"id":"t1"},"anything":[null,true,1.5]},"someFutureField":{"x":1}}
            """;

        using var response = await _client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadRepliesAsync()).Messages());
    }

    [Fact]
    public async Task Post_LongestTextTheCapAllows_200WithAnAnswer()
    {
        var text = string.Join(' ', Enumerable.Repeat("my lower back hurts after lifting", 7000));
        var activity = MessagesRequests.Message($"conv-{Guid.NewGuid():N}", text);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var response = await _client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadRepliesAsync()).Messages());
    }
}
