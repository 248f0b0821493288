using BackCareBot.Connector;
using BackCareBot.FollowUps;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Tests.FollowUps;

public sealed class ProactiveRouterTests
{
    [Fact]
    public async Task Send_ChannelSenderCanReach_UsesItInsteadOfConnector()
    {
        var connector = new RecordingConnectorClient();
        var webChat = new RecordingSender(channelId: Channels.WebChat);
        var router = new ProactiveRouter([webChat], new ConnectorProactiveSender(connector));

        await router.SendAsync(Reference(Channels.WebChat), new Activity { Text = "hi" }, CancellationToken.None);

        Assert.Single(webChat.Sent);
        Assert.Empty(connector.Sent);
    }

    [Fact]
    public async Task Send_NoChannelSenderCanReach_PostsToStoredServiceUrl()
    {
        var connector = new RecordingConnectorClient();
        var router = new ProactiveRouter([new RecordingSender(channelId: Channels.WebChat)], new ConnectorProactiveSender(connector));

        await router.SendAsync(Reference(Channels.MsTeams), new Activity { Text = "hi" }, CancellationToken.None);

        Assert.Equal(("https://smba.example/teams/", "conv-1"), Assert.Single(connector.Sent));
    }

    private static ConversationReference Reference(string channelId) => new()
    {
        ChannelId = channelId,
        ServiceUrl = "https://smba.example/teams/",
        Conversation = new ConversationAccount { Id = "conv-1" },
    };

    private sealed class RecordingSender(string channelId) : IProactiveSender
    {
        public List<Activity> Sent { get; } = [];

        public bool CanSend(ConversationReference conversation) => conversation.ChannelId == channelId;

        public Task SendAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add(activity);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingConnectorClient : IConnectorClient
    {
        public List<(string ServiceUrl, string ConversationId)> Sent { get; } = [];

        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
        {
            Sent.Add((serviceUrl, conversationId));
            return Task.FromResult(new ResourceResponse("1"));
        }

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Proactive messages start no thread.");

        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
