using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BackCareBot.DirectLine;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.DirectLine;

/// <summary>
/// Who may post to a built-in Direct Line conversation: only the holder of an unexpired token this host signed
/// for that conversation (no token 401, any other token 403, as on Azure), and what a retried post does.
/// </summary>
public sealed class DirectLineAuthorizationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _clock = new(Start);
    private readonly BotApplicationFactory _factory;
    private readonly HttpClient _client;

    public DirectLineAuthorizationTests()
    {
        _factory = new BotApplicationFactory()
            .With("DirectLine:TokenSigningKey", LiveBotHost.SigningKey)
            .WithServices(services => services.AddSingleton<TimeProvider>(_clock));
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Post_NoToken_401()
    {
        var a = await StartAsync();

        using var response = await PostAsync(a.ConversationId, token: null, Message("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenOfAnotherConversation_403()
    {
        var a = await StartAsync();
        var b = await StartAsync();

        using var response = await PostAsync(b.ConversationId, a.Token, Message("hello"));
        using var read = await GetActivitiesAsync(b.ConversationId, a.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task Post_ExpiredToken_403()
    {
        var a = await StartAsync();
        var pastClock = new ManualTimeProvider(Start - TimeSpan.FromMinutes(31));
        var expired = Tokens(pastClock).IssueConversationToken(a.ConversationId, "dl_someone").Token;

        using var response = await PostAsync(a.ConversationId, expired, Message("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenExpiredWhileInUse_403()
    {
        var a = await StartAsync();

        _clock.Advance(TimeSpan.FromMinutes(30));
        using var response = await PostAsync(a.ConversationId, a.Token, Message("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("payload rewritten to another conversation")]
    [InlineData("signed with another key")]
    [InlineData("alg none, no signature")]
    [InlineData("signature of another token")]
    public async Task Post_ForgedToken_403(string forgery)
    {
        var a = await StartAsync();
        var b = await StartAsync();
        var parts = a.Token.Split('.');
        var forged = forgery switch
        {
            "payload rewritten to another conversation" => $"{parts[0]}.{Payload(b.ConversationId)}.{parts[2]}",
            "signed with another key" => Tokens(_clock, Convert.ToBase64String(new byte[32])).IssueConversationToken(b.ConversationId, "dl_x").Token,
            "alg none, no signature" => $"{Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8)}.{Payload(b.ConversationId)}.",
            _ => $"{b.Token.Split('.')[0]}.{b.Token.Split('.')[1]}.{parts[2]}",
        };

        using var response = await PostAsync(b.ConversationId, forged, Message("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_TokenFromBeforeTheRefresh_StillWorksUntilItsOwnExpiry()
    {
        var a = await StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = await RefreshAsync(a.Token);

        using var oldBeforeExpiry = await PostAsync(a.ConversationId, a.Token, Message("my back hurts"));
        _clock.Advance(TimeSpan.FromMinutes(15));
        using var oldAfterExpiry = await PostAsync(a.ConversationId, a.Token, Message("since yesterday"));
        using var newAfterOldExpiry = await PostAsync(a.ConversationId, refreshed, Message("since yesterday"));

        Assert.NotEqual(a.Token, refreshed);
        Assert.Equal(HttpStatusCode.OK, oldBeforeExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldAfterExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newAfterOldExpiry.StatusCode);
    }

    /// <summary>
    /// Web Chat retries a post it saw fail with the same clientActivityID; the first attempt may have arrived all the
    /// same. Answering the retry again would take one answer as two (a "yes" would also answer the next question),
    /// so while the first is in the kept transcript the retry gets its id and the turn does not run again.
    /// </summary>
    [Fact]
    public async Task Post_SameClientActivityIdTwice_SecondGetsTheFirstIdAndTheBotAnswersOnce()
    {
        var a = await StartAsync();
        var before = await BotMessageCountAsync(a);

        using var first = await PostAsync(a.ConversationId, a.Token, Message("my lower back hurts", clientActivityId: "retry-1"));
        var afterFirst = await BotMessageCountAsync(a);
        using var retry = await PostAsync(a.ConversationId, a.Token, Message("my lower back hurts", clientActivityId: "retry-1"));
        var afterRetry = await BotMessageCountAsync(a);
        using var next = await PostAsync(a.ConversationId, a.Token, Message("since yesterday", clientActivityId: "retry-2"));

        var firstId = await IdAsync(first);
        Assert.Equal(firstId, await IdAsync(retry));
        Assert.NotEqual(firstId, await IdAsync(next));
        Assert.True(afterFirst > before, "the first post was answered");
        Assert.Equal(afterFirst, afterRetry);
        Assert.True(await BotMessageCountAsync(a) > afterRetry, "a new clientActivityID is a new message");
        Assert.Single(await ActivitiesAsync(a), activity =>
            activity.TryGetProperty("channelData", out var data) && data.GetProperty("clientActivityID").GetString() == "retry-1");
    }

    [Fact]
    public async Task Post_SameClientActivityIdWithNewText_IsANewMessageAndAnswered()
    {
        var a = await StartAsync();
        using var first = await PostAsync(a.ConversationId, a.Token, Message("my lower back hurts", clientActivityId: "reused"));
        var afterFirst = await BotMessageCountAsync(a);

        using var second = await PostAsync(a.ConversationId, a.Token, Message("I have chest pain", clientActivityId: "reused"));

        Assert.NotEqual(await IdAsync(first), await IdAsync(second));
        Assert.True(await BotMessageCountAsync(a) > afterFirst, "the new message was answered");
    }

    private static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("type").GetString() == "message" && activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    private static DirectLineTokenService Tokens(TimeProvider clock, string? key = null) =>
        new(Options.Create(new DirectLineOptions { TokenSigningKey = key ?? LiveBotHost.SigningKey }), clock);

    private static string Payload(string conversationId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"conv":"{{conversationId}}","user":"dl_x","scp":"conversation","iat":0,"exp":4102444800,"jti":"00"}"""));

    private static string Message(string text, string? clientActivityId = null) =>
        clientActivityId is null
            ? JsonSerializer.Serialize(new { type = "message", text })
            : JsonSerializer.Serialize(new { type = "message", text, channelData = new { clientActivityID = clientActivityId } });

    private static async Task<string> IdAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        using var response = await _client.PostAsync(new Uri("/v3/directline/conversations", UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("conversationId").GetString()!, body.RootElement.GetProperty("token").GetString()!);
    }

    private async Task<string> RefreshAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v3/directline/tokens/refresh", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private async Task<HttpResponseMessage> PostAsync(string conversationId, string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetActivitiesAsync(string conversationId, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v3/directline/conversations/{conversationId}/activities", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    private async Task<List<JsonElement>> ActivitiesAsync((string ConversationId, string Token) conversation)
    {
        using var response = await GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone())];
    }

    private async Task<int> BotMessageCountAsync((string ConversationId, string Token) conversation) =>
        (await ActivitiesAsync(conversation)).Count(IsBotMessage);
}
