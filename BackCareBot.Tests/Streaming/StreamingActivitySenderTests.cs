using System.Text;
using BackCareBot.Protocol.Schema;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

public sealed class StreamingActivitySenderTests
{
    [Fact]
    public async Task SendAsync_Replies_PostsEachInOrderAsAReplyAndReadsTheIds()
    {
        var peer = new RecordingPeer(request => StreamingResponse.WithBody(200, StreamBody.Json(Encoding.UTF8.GetBytes($"{{\"id\":\"r{request}\"}}"))));
        var sender = new StreamingActivitySender(peer);

        var responses = await sender.SendAsync([Reply("first", "in/1"), Reply("second", null)], CancellationToken.None);

        Assert.Equal(["POST /v3/conversations/conv%201/activities/in%2F1", "POST /v3/conversations/conv%201/activities"], peer.Requests.Select(r => $"{r.Verb} {r.Path}"));
        Assert.Equal("first", BotJson.Deserialize(Encoding.UTF8.GetString(peer.Requests[0].Bodies[0].Content.Span))!.Text);
        Assert.Equal(["r0", "r1"], responses.Select(r => r.Id));
    }

    [Fact]
    public async Task SendAsync_PeerAnswersWithoutBody_ReturnsNoId()
    {
        var sender = new StreamingActivitySender(new RecordingPeer(_ => StreamingResponse.Status(200)));

        var responses = await sender.SendAsync([Reply("hi", "in-1")], CancellationToken.None);

        Assert.Null(Assert.Single(responses).Id);
    }

    [Fact]
    public async Task SendAsync_PeerRefuses_ThrowsWithItsStatus()
    {
        var sender = new StreamingActivitySender(new RecordingPeer(_ => StreamingResponse.Status(403)));

        var error = await Assert.ThrowsAsync<StreamingSendException>(() => sender.SendAsync([Reply("hi", "in-1")], CancellationToken.None));

        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task UpdateAndDelete_UsePutAndDeleteOnTheActivity()
    {
        var peer = new RecordingPeer(_ => StreamingResponse.Status(200));
        var sender = new StreamingActivitySender(peer);
        var update = Reply("changed", null);
        update.Id = "out-7";

        await sender.UpdateAsync(update, CancellationToken.None);
        await sender.DeleteAsync(new ConversationReference { Conversation = new ConversationAccount { Id = "conv 1" } }, "out-7", CancellationToken.None);

        Assert.Equal(["PUT /v3/conversations/conv%201/activities/out-7", "DELETE /v3/conversations/conv%201/activities/out-7"], peer.Requests.Select(r => $"{r.Verb} {r.Path}"));
    }

    private static Activity Reply(string text, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ReplyToId = replyToId,
        Conversation = new ConversationAccount { Id = "conv 1" },
    };

    private sealed class RecordingPeer(Func<int, StreamingResponse> answer) : IStreamingPeer
    {
        public List<StreamingRequest> Requests { get; } = [];

        public Task<StreamingResponse> SendRequestAsync(StreamingRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(Requests.Count - 1));
        }
    }
}
