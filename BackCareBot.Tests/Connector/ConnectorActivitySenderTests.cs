using BackCareBot.Connector;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.Connector;

public sealed class ConnectorActivitySenderTests
{
    private const string ServiceUrl = "https://smba.example.test/teams/";

    [Fact]
    public async Task SendAsync_MixedActivities_ReplyOrPostEachInOrder()
    {
        var client = new RecordingConnectorClient();
        var sender = new ConnectorActivitySender(client);

        var responses = await sender.SendAsync([Outgoing("first", replyToId: "in-1"), Outgoing("second", replyToId: null), Outgoing("third", replyToId: "in-1")], default);

        Assert.Equal(
            ["Reply c1 in-1 first", "Send c1 second", "Reply c1 in-1 third"],
            client.Calls);
        Assert.Equal(["r1", "r2", "r3"], responses.Select(r => r.Id));
    }

    [Fact]
    public async Task SendAsync_FirstCallPending_SecondNotStarted()
    {
        var client = new RecordingConnectorClient();
        var firstAnswer = new TaskCompletionSource<ResourceResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.NextAnswer = firstAnswer.Task;
        var sender = new ConnectorActivitySender(client);

        var sending = sender.SendAsync([Outgoing("first", null), Outgoing("second", null)], default);
        await Task.Yield();

        Assert.Equal(["Send c1 first"], client.Calls);
        firstAnswer.SetResult(new ResourceResponse("one"));
        var responses = await sending;
        Assert.Equal(["Send c1 first", "Send c1 second"], client.Calls);
        Assert.Equal("one", responses[0].Id);
    }

    [Fact]
    public async Task SendAsync_EndToEnd_ConnectorReceivesActivitiesInOrder()
    {
        await using var server = await RecordingConnectorServer.StartAsync();
        using var http = new HttpClient();
        var client = new ConnectorClient(
            http,
            new NullBotTokenProvider(),
            new ConnectorResiliencePipeline(
                Microsoft.Extensions.Options.Options.Create(new ConnectorOptions()),
                TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectorResiliencePipeline>.Instance),
            Microsoft.Extensions.Options.Options.Create(new BackCareBot.Configuration.BotIdentityOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectorClient>.Instance);
        var sender = new ConnectorActivitySender(client);
        var activities = Enumerable.Range(1, 5).Select(i => Outgoing($"m{i}", replyToId: "1:xyz", serviceUrl: server.BaseUrl)).ToArray();

        var responses = await sender.SendAsync(activities, default);

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], server.Requests.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()));
        Assert.All(server.Requests, r => Assert.Equal("/v3/conversations/c1/activities/1%3Axyz", r.RawTarget));
        Assert.Equal(["server-1", "server-2", "server-3", "server-4", "server-5"], responses.Select(r => r.Id));
    }

    [Fact]
    public async Task SendAsync_NoServiceUrl_Throws()
    {
        var sender = new ConnectorActivitySender(new RecordingConnectorClient());
        var activity = Outgoing("x", null);
        activity.ServiceUrl = null;

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync([activity], default));
    }

    [Fact]
    public async Task UpdateAsync_ActivityWithId_UpdatesThatActivity()
    {
        var client = new RecordingConnectorClient();
        var sender = new ConnectorActivitySender(client);
        var activity = Outgoing("edited", null);
        activity.Id = "sent-7";

        var response = await sender.UpdateAsync(activity, default);

        Assert.Equal(["Update c1 sent-7 edited"], client.Calls);
        Assert.Equal("r1", response.Id);
    }

    [Fact]
    public async Task UpdateAsync_ActivityWithoutId_Throws()
    {
        var client = new RecordingConnectorClient();
        var sender = new ConnectorActivitySender(client);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.UpdateAsync(Outgoing("edited", null), default));
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task DeleteAsync_Reference_DeletesInItsConversation()
    {
        var client = new RecordingConnectorClient();
        var sender = new ConnectorActivitySender(client);
        var reference = new ConversationReference { ServiceUrl = ServiceUrl, Conversation = new ConversationAccount { Id = "c1" } };

        await sender.DeleteAsync(reference, "sent-7", default);

        Assert.Equal(["Delete c1 sent-7"], client.Calls);
    }

    private static Activity Outgoing(string text, string? replyToId, string serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "c1" },
        ReplyToId = replyToId,
    };

    private sealed class RecordingConnectorClient : IConnectorClient
    {
        private readonly List<string> _calls = [];

        public IReadOnlyList<string> Calls => _calls;

        public Task<ResourceResponse>? NextAnswer { get; set; }

        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
            Record($"Send {conversationId} {activity.Text}");

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
            Record($"Reply {conversationId} {replyToId} {activity.Text}");

        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            Record($"Update {conversationId} {activityId} {activity.Text}");

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            Record($"Delete {conversationId} {activityId}");

        private Task<ResourceResponse> Record(string call)
        {
            _calls.Add(call);
            if (NextAnswer is { } pending)
            {
                NextAnswer = null;
                return pending;
            }

            return Task.FromResult(new ResourceResponse($"r{_calls.Count}"));
        }
    }
}
