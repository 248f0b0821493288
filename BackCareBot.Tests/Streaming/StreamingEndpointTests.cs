using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

/// <summary>GET /api/messages: the WebSocket upgrade, its authentication, and streamed activities the bot must refuse or answer in place.</summary>
public sealed class StreamingEndpointTests
{
    [Fact]
    public async Task Get_WithoutWebSocketUpgrade_Is405()
    {
        using var host = KestrelBotHost.Start();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Upgrade_WithoutTokenWhenAnAppIdIsConfigured_Is401()
    {
        using var host = KestrelBotHost.Start(factory => factory
            .With("MicrosoftAppId", "8d1f1c0e-6a7b-4c1d-9e2f-3a4b5c6d7e8f")
            .With("MicrosoftAppPassword", "not-used-by-this-test")
            .With("MicrosoftAppTenantId", "0b0c0d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e"));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("channelid", "telephony");

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(host.MessagesSocket, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task StreamedActivity_NotJson_Is400()
    {
        using var host = KestrelBotHost.Start();
        using var socket = await ConnectAsync(host);
        var peer = new FramePeer(socket);

        await peer.SendAsync(PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/api/messages", StreamBody.Json("{not json"u8.ToArray()))));

        Assert.Equal(400, Assert.IsType<AssembledResponse>(await peer.ReceiveAsync()).Response.StatusCode);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task StreamedActivity_WrongVerb_Is405()
    {
        using var host = KestrelBotHost.Start();
        using var socket = await ConnectAsync(host);
        var peer = new FramePeer(socket);

        await peer.SendAsync(PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("DELETE", "/api/messages")));

        Assert.Equal(405, Assert.IsType<AssembledResponse>(await peer.ReceiveAsync()).Response.StatusCode);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task StreamedActivity_ExpectReplies_AnswersWithTheRepliesAndSendsNoRequests()
    {
        using var host = KestrelBotHost.Start();
        using var socket = await ConnectAsync(host);
        var peer = new FramePeer(socket);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "in-1",
            Text = "hello",
            ChannelId = Channels.DirectLineSpeech,
            ServiceUrl = "urn:botframework:WebSocket:test",
            Conversation = new ConversationAccount { Id = "expect-replies" },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
            Locale = "en-US",
            DeliveryMode = DeliveryModes.ExpectReplies,
        };

        await peer.SendAsync(PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/api/messages", StreamBody.Json(BotJson.SerializeToUtf8(activity)))));
        var response = Assert.IsType<AssembledResponse>(await peer.ReceiveAsync());

        Assert.Equal(200, response.Response.StatusCode);
        var replies = JsonSerializer.Deserialize(response.Response.Bodies[0].Content.Span, BotJsonContext.Default.ExpectedReplies)!;
        Assert.StartsWith("Hi, I'm BackCareBot", replies.Activities[0].Text, StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    private static async Task<ClientWebSocket> ConnectAsync(KestrelBotHost host)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(host.MessagesSocket, CancellationToken.None);
        return socket;
    }
}
