using System.Net;
using System.Net.Http.Json;
using System.Text;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.ScaleOut;

/// <summary>
/// One person's conversation whose turns may go to any bot instance, as a load balancer without sticky
/// sessions sends them. Safe to use from several tasks at once: each call is one POST with expectReplies.
/// </summary>
internal sealed class SharedConversation
{
    private int _sequence;

    public string ConversationId { get; } = $"conv-{Guid.NewGuid():N}";

    public string UserId { get; } = $"user-{Guid.NewGuid():N}";

    public Task<Turn> StartAsync(HttpClient host) => SendAsync(host, new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = UserId }, new ChannelAccount { Id = "bot" }],
    });

    public Task<Turn> SayAsync(HttpClient host, string text) =>
        SendAsync(host, new Activity { Type = ActivityTypes.Message, Text = text });

    private async Task<Turn> SendAsync(HttpClient host, Activity activity)
    {
        activity.Id = $"act-{Interlocked.Increment(ref _sequence)}";
        activity.ChannelId = Channels.Test;
        activity.ServiceUrl = "https://channel.invalid/";
        activity.Conversation = new ConversationAccount { Id = ConversationId };
        activity.From = new ChannelAccount { Id = UserId, Name = "Test Person" };
        activity.Recipient = new ChannelAccount { Id = "bot", Name = "BackCareBot" };
        activity.Locale = "en-GB";
        activity.Timestamp = DateTimeOffset.UtcNow;
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json");
        using var response = await host.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var replies = response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies))?.Activities ?? []
            : [];
        return new Turn(activity.Id, response.StatusCode, replies);
    }
}

/// <summary>One request and what came back for it.</summary>
internal sealed record Turn(string RequestId, HttpStatusCode Status, IReadOnlyList<Activity> Replies);
