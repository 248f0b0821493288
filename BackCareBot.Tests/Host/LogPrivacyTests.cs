using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BackCareBot.Tests.Connector;
using BackCareBot.Tests.Functional;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackCareBot.Tests.Host;

/// <summary>
/// Logs leave the service (to files, App Insights, support staff), so a whole conversation at Trace level,
/// including a failed turn and replies posted to a connector, must not put what the person said, their
/// name or any id in them.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private const string Name = "Zebediah Quixotefield";
    private const string Symptom = "purple-elephant spasm";

    private readonly CapturingLoggerProvider _logs = new();
    private readonly FaultyStorage _storage = new();
    private readonly string _conversationId = $"conv-{Guid.NewGuid():N}";
    private readonly string _userId = $"user-{Guid.NewGuid():N}";
    private RecordingConnectorServer _connector = null!;
    private BotApplicationFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnectorServer.StartAsync();
        _factory = new BotApplicationFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:System", "Trace")
            .With("Connector:MaxAttempts", "1")
            .WithServices(services =>
            {
                services.UseStorage(_storage);
                services.AddSingleton<ILoggerProvider>(_logs);
            });
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Conversation_TraceLogging_NoTextNamesOrIdsLogged()
    {
        using var client = _factory.CreateClient();
        await SendAsync(client, ActivityTypes.ConversationUpdate, text: null, expectReplies: true);
        await SendAsync(client, ActivityTypes.Message, $"Hi, I'm {Name}, I've had a {Symptom} for 3 days", expectReplies: true);
        await SendAsync(client, ActivityTypes.Message, $"my {Symptom} started suddenly", expectReplies: false);
        _storage.FailReadsOf(StorageKeys.Conversation(Channels.Test, _conversationId)!);
        await SendAsync(client, ActivityTypes.Message, $"the {Symptom} is in my lower back", expectReplies: true);
        _storage.Recover();
        await SendAsync(client, ActivityTypes.Message, "forget me", expectReplies: true);

        var entries = _logs.Entries;
        Assert.Contains(entries, entry => entry.Category.StartsWith("BackCareBot", StringComparison.Ordinal) && entry.Level >= LogLevel.Error);
        Assert.NotEmpty(_connector.Requests);
        foreach (var secret in new[] { Name, "Zebediah", "Quixotefield", Symptom, "purple-elephant", _conversationId, _userId })
        {
            var leak = entries.FirstOrDefault(entry => entry.Mentions(secret));
            Assert.True(leak is null, $"'{secret}' logged by {leak?.Category}: {leak?.Message}");
        }
    }

    private async Task SendAsync(HttpClient client, string type, string? text, bool expectReplies)
    {
        var activity = MessagesRequests.Message(_conversationId, text, Channels.Test, _connector.BaseUrl);
        activity.Type = type;
        activity.From = new ChannelAccount { Id = _userId, Name = Name };
        activity.MembersAdded = type == ActivityTypes.ConversationUpdate ? [new ChannelAccount { Id = _userId, Name = Name }] : null;
        activity.DeliveryMode = expectReplies ? DeliveryModes.ExpectReplies : null;
        using var response = await client.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
    }
}
