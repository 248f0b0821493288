using System.Net.Http.Json;
using System.Text;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Functional;

/// <summary>
/// One person talking to the real host through POST /api/messages with deliveryMode expectReplies, as the
/// Emulator's test mode and channel test harnesses do. Each call returns the replies of that turn.
/// </summary>
public sealed class BotConversation(HttpClient client, string channelId = Channels.Test, string locale = "en-GB")
{
    private int _sequence;

    public string ConversationId { get; } = $"conv-{Guid.NewGuid():N}";

    public string UserId { get; } = $"user-{Guid.NewGuid():N}";

    /// <summary>Every reply of every turn so far, in order.</summary>
    public List<Activity> Transcript { get; } = [];

    public Task<IReadOnlyList<Activity>> StartAsync() => SendAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = UserId }, new ChannelAccount { Id = "bot" }],
    });

    public Task<IReadOnlyList<Activity>> SayAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Id = $"act-{++_sequence}";
        activity.ChannelId ??= channelId;
        activity.ServiceUrl ??= "https://channel.invalid/";
        activity.Conversation ??= new ConversationAccount { Id = ConversationId };
        activity.From ??= new ChannelAccount { Id = UserId, Name = "Test Person" };
        activity.Recipient ??= new ChannelAccount { Id = "bot", Name = "BackCareBot" };
        activity.Locale ??= locale;
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        using var content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        var activities = replies?.Activities ?? [];

        // Any message may be read out on a voice channel, so every transcript checks every one of them.
        foreach (var message in activities.Messages())
        {
            Triage.SpeechAssert.IsVoiceReady(message);
        }

        Transcript.AddRange(activities);
        return activities;
    }
}

internal static class ActivityListExtensions
{
    public static IEnumerable<Activity> Messages(this IEnumerable<Activity> activities) =>
        activities.Where(a => a.Type == ActivityTypes.Message);

    public static string Texts(this IEnumerable<Activity> activities) =>
        string.Join("\n---\n", activities.Messages().Select(a => a.Text));

    public static Activity? OutcomeTrace(this IEnumerable<Activity> activities) =>
        activities.LastOrDefault(a => a.Type == ActivityTypes.Trace && a.Name == "triage.outcome");
}
