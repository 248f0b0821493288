using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Functional;

/// <summary>
/// Raw POST /api/messages requests, for tests that need to see the HTTP answer itself (status, headers,
/// body) rather than only a turn's replies, or to send what a well-behaved channel never would.
/// </summary>
internal static class MessagesRequests
{
    public static readonly Uri Messages = new("/api/messages", UriKind.Relative);

    /// <summary>A message as a channel sends it: every address field filled in, a fresh id, in-memory defaults otherwise.</summary>
    public static Activity Message(string conversationId, string? text, string channelId = Channels.Test, string serviceUrl = "https://channel.invalid/") => new()
    {
        Type = ActivityTypes.Message,
        Id = $"act-{Guid.NewGuid():N}",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-1", Name = "Test Person" },
        Recipient = new ChannelAccount { Id = "bot", Name = "BackCareBot" },
        Locale = "en-GB",
        Text = text,
    };

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Activity activity, string? bearerToken = null) =>
        client.PostRawAsync(BotJson.Serialize(activity), bearerToken);

    public static async Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Messages)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The replies of an expectReplies answer, failing the test when the answer is not one.</summary>
    public static async Task<IReadOnlyList<Activity>> ReadRepliesAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        Assert.NotNull(replies);
        return replies.Activities ?? [];
    }
}
