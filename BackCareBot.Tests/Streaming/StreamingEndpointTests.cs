using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.Builder;
using BackCareBot.Streaming;
using BackCareBot.Tests.Triage;
using Microsoft.Extensions.DependencyInjection;

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
        var activity = SpokenMessage("hello", "expect-replies");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        await peer.SendAsync(PostOf(activity));
        var response = Assert.IsType<AssembledResponse>(await peer.ReceiveAsync());

        Assert.Equal(200, response.Response.StatusCode);
        var replies = JsonSerializer.Deserialize(response.Response.Bodies[0].Content.Span, BotJsonContext.Default.ExpectedReplies)!;
        Assert.StartsWith("Hi, I'm BackCareBot", replies.Activities[0].Text, StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task StreamedActivity_PeerCancelsEverythingMidTurn_TurnStillEndsWithTheEmergencyAdvice()
    {
        var turnStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = KestrelBotHost.Start(factory => factory.WithServices(services =>
            services.AddSingleton<IMiddleware>(new HoldUnlessCancelled(turnStarted))));
        using var socket = await ConnectAsync(host);
        var peer = new FramePeer(socket);
        var activity = SpokenMessage("I've wet myself and can't feel it when I wipe", $"cancel-all-{Guid.NewGuid():N}");

        await peer.SendAsync(PostOf(activity));
        await turnStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await peer.SendAsync(PayloadDisassembler.CancelAll());

        var advice = await ReceiveFirstMessageFromBotAsync(peer);

        Assert.True(advice.Says("emergency"), advice.Text);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static Activity SpokenMessage(string text, string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        Text = text,
        ChannelId = Channels.DirectLineSpeech,
        ServiceUrl = "urn:botframework:WebSocket:test",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user" },
        Recipient = new ChannelAccount { Id = "bot" },
        Locale = "en-US",
    };

    private static IReadOnlyList<StreamingFrame> PostOf(Activity activity) =>
        PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/api/messages", StreamBody.Json(BotJson.SerializeToUtf8(activity))));

    // The bot's replies are its own requests; the peer answers each, as a channel would, until a message arrives.
    private static async Task<Activity> ReceiveFirstMessageFromBotAsync(FramePeer peer)
    {
        while (await peer.ReceiveAsync() is { } payload)
        {
            if (payload is not AssembledRequest request)
            {
                continue;
            }

            await peer.SendAsync(PayloadDisassembler.Response(request.Id, StreamingResponse.Status(200)));
            var activity = JsonSerializer.Deserialize(request.Request.Bodies[0].Content.Span, BotJsonContext.Default.Activity)!;
            if (activity.Type == ActivityTypes.Message)
            {
                return activity;
            }
        }

        throw new InvalidOperationException("The bot closed the socket without sending a message.");
    }

    /// <summary>
    /// Holds the turn until its token is cancelled or, failing that, for a while: a turn that took the connection's
    /// token would end here when the peer sends CancelAll.
    /// </summary>
    private sealed class HoldUnlessCancelled(TaskCompletionSource turnStarted) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
        {
            turnStarted.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
            await next(cancellationToken);
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(KestrelBotHost host)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(host.MessagesSocket, CancellationToken.None);
        return socket;
    }
}
