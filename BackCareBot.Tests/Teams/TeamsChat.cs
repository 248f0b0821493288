using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Teams;

/// <summary>
/// One Teams conversation against the real host, shaped as Teams sends it: channel msteams, 29:/28: ids,
/// the conversation type, the tenant, and mention entities for @mentions of the bot.
/// </summary>
internal sealed class TeamsChat(HttpClient client, string conversationType = "personal", string serviceUrl = "https://smba.trafficmanager.net/teams/")
{
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07";
    public const string BotName = "BackCareBot";

    private int _sequence;

    public string ConversationId { get; } = conversationType == "personal"
        ? $"a:{Guid.NewGuid():N}"
        : $"19:{Guid.NewGuid():N}@thread.v2";

    public string UserId { get; } = $"29:{Guid.NewGuid():N}";

    /// <summary>A message, optionally starting with an @mention of the bot under the given display name.</summary>
    public static Activity Message(string text, string? mentionName = null)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = mentionName is null ? text : $"<at>{mentionName}</at> {text}" };
        if (mentionName is not null)
        {
            activity.Entities = [Mention(BotId, mentionName)];
        }

        return activity;
    }

    public static JsonElement Mention(string id, string name) => JsonSerializer.SerializeToElement(
        new Dictionary<string, object>
        {
            ["type"] = "mention",
            ["text"] = $"<at>{name}</at>",
            ["mentioned"] = new Dictionary<string, string> { ["id"] = id, ["name"] = name },
        });

    /// <summary>The invoke Teams sends when an Action.Execute button with data {answer, question} is pressed.</summary>
    public static Activity CardAnswer(string answer, string? question = null) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Value = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["action"] = new Dictionary<string, object>
            {
                ["type"] = "Action.Execute",
                ["verb"] = "answer",
                ["data"] = question is null
                    ? new Dictionary<string, string> { ["answer"] = answer }
                    : new Dictionary<string, string> { ["answer"] = answer, ["question"] = question },
            },
            ["trigger"] = "manual",
        }),
    };

    /// <summary>Sends with deliveryMode expectReplies and returns the turn's replies.</summary>
    public async Task<IReadOnlyList<Activity>> ExchangeAsync(Activity activity)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await PostAsync(activity);
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        return replies?.Activities ?? [];
    }

    public Task<IReadOnlyList<Activity>> SayAsync(string text, string? mentionName = null) => ExchangeAsync(Message(text, mentionName));

    /// <summary>Sends as Teams does (replies go to the serviceUrl) and returns the raw HTTP response.</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        activity.Id = $"1{++_sequence:D12}";
        activity.ChannelId = Channels.MsTeams;
        activity.ServiceUrl ??= serviceUrl;
        activity.Conversation ??= new ConversationAccount
        {
            Id = ConversationId,
            ConversationType = conversationType,
            IsGroup = conversationType == "personal" ? null : true,
            TenantId = "72f988bf-0000-0000-0000-000000000000",
        };
        activity.From ??= new ChannelAccount { Id = UserId, Name = "Alex Example", AadObjectId = Guid.NewGuid().ToString() };
        activity.Recipient ??= new ChannelAccount { Id = BotId, Name = BotName };
        activity.Locale ??= "en-GB";
        activity.Timestamp ??= DateTimeOffset.UtcNow;

        using var content = new StringContent(BotJson.Serialize(activity), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }
}
