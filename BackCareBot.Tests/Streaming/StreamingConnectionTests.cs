using System.Net.WebSockets;
using System.Text;
using BackCareBot.Streaming;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackCareBot.Tests.Streaming;

public sealed class StreamingConnectionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_RequestFromPeer_IsAnsweredUnderTheSameId()
    {
        await using var pair = await SocketPair.OpenAsync();
        var handler = new DelegateHandler((request, _, _) => Task.FromResult(
            StreamingResponse.WithBody(201, StreamBody.Json(Encoding.UTF8.GetBytes($"\"{request.Verb} {request.Path}\"")))));
        var running = Connect(pair, handler).RunAsync(CancellationToken.None);
        var id = Guid.NewGuid();

        await pair.SendAsync(PayloadDisassembler.Request(id, StreamingRequest.Create("GET", "/api/version")));
        var response = Assert.IsType<AssembledResponse>(await pair.ReceiveAsync());

        Assert.Equal(id, response.Id);
        Assert.Equal(201, response.Response.StatusCode);
        Assert.Equal("\"GET /api/version\"", Encoding.UTF8.GetString(response.Response.Bodies[0].Content.Span));
        await CloseFromPeerAsync(pair, running);
    }

    [Fact]
    public async Task RunAsync_SeveralRequestsAtOnce_AreHandledConcurrently()
    {
        await using var pair = await SocketPair.OpenAsync();
        const int count = 3;
        var entered = 0;
        var allInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (_, _, ct) =>
        {
            if (Interlocked.Increment(ref entered) == count)
            {
                allInside.SetResult();
            }

            // No handler can finish before all are inside: handling one at a time would never get here.
            await allInside.Task.WaitAsync(Patience, ct);
            return StreamingResponse.Status(200);
        });
        var running = Connect(pair, handler).RunAsync(CancellationToken.None);

        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids)
        {
            await pair.SendAsync(PayloadDisassembler.Request(id, StreamingRequest.Create("POST", "/slow")));
        }

        var answered = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var response = Assert.IsType<AssembledResponse>(await pair.ReceiveAsync());
            Assert.Equal(200, response.Response.StatusCode);
            answered.Add(response.Id);
        }

        Assert.Equal(ids.Order(), answered.Order());
        await CloseFromPeerAsync(pair, running);
    }

    [Fact]
    public async Task SendRequestAsync_PeerAnswers_ReturnsThePeersResponse()
    {
        await using var pair = await SocketPair.OpenAsync();
        var connection = Connect(pair, new DelegateHandler((_, _, _) => Task.FromResult(StreamingResponse.Status(200))));
        var running = connection.RunAsync(CancellationToken.None);

        var sending = connection.SendRequestAsync(
            StreamingRequest.Create("POST", "/v3/conversations/c/activities/a", StreamBody.Json("{\"type\":\"message\"}"u8.ToArray())), CancellationToken.None);
        var request = Assert.IsType<AssembledRequest>(await pair.ReceiveAsync());
        await pair.SendAsync(PayloadDisassembler.Response(request.Id, StreamingResponse.WithBody(200, StreamBody.Json("{\"id\":\"r-1\"}"u8.ToArray()))));
        var response = await sending.WaitAsync(Patience);

        Assert.Equal("/v3/conversations/c/activities/a", request.Request.Path);
        Assert.Equal("{\"id\":\"r-1\"}", Encoding.UTF8.GetString(response.Bodies[0].Content.Span));
        Assert.Equal(0, connection.PendingRequestCount);
        await CloseFromPeerAsync(pair, running);
    }

    [Fact]
    public async Task SendRequestAsync_PeerNeverAnswers_TimesOut()
    {
        await using var pair = await SocketPair.OpenAsync();
        var connection = Connect(pair, new DelegateHandler((_, _, _) => Task.FromResult(StreamingResponse.Status(200))), TimeSpan.FromMilliseconds(200));
        var running = connection.RunAsync(CancellationToken.None);

        await Assert.ThrowsAsync<TimeoutException>(() => connection.SendRequestAsync(StreamingRequest.Create("GET", "/x"), CancellationToken.None));

        Assert.Equal(0, connection.PendingRequestCount);
        await CloseFromPeerAsync(pair, running);
    }

    [Fact]
    public async Task CancelAll_WhileAHandlerRuns_CancelsTheHandler()
    {
        await using var pair = await SocketPair.OpenAsync();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new DelegateHandler(async (_, _, ct) =>
        {
            await using var registration = ct.Register(() => cancelled.TrySetResult());
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return StreamingResponse.Status(200);
        });
        var running = Connect(pair, handler).RunAsync(CancellationToken.None);

        await pair.SendAsync(PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/api/messages")));
        await started.Task.WaitAsync(Patience);
        await pair.SendAsync(PayloadDisassembler.CancelAll());

        await cancelled.Task.WaitAsync(Patience);
        await CloseFromPeerAsync(pair, running);
    }

    [Fact]
    public async Task RunAsync_PeerCloses_FailsTheBotsUnansweredRequestsAndEnds()
    {
        await using var pair = await SocketPair.OpenAsync();
        var connection = Connect(pair, new DelegateHandler((_, _, _) => Task.FromResult(StreamingResponse.Status(200))));
        var running = connection.RunAsync(CancellationToken.None);
        var sending = connection.SendRequestAsync(StreamingRequest.Create("POST", "/v3/conversations/c/activities"), CancellationToken.None);
        Assert.IsType<AssembledRequest>(await pair.ReceiveAsync());

        await CloseFromPeerAsync(pair, running);

        await Assert.ThrowsAsync<StreamingConnectionClosedException>(() => sending.WaitAsync(Patience));
        Assert.Equal(WebSocketState.Closed, pair.Peer.State);
        await Assert.ThrowsAsync<StreamingConnectionClosedException>(() => connection.SendRequestAsync(StreamingRequest.Create("GET", "/x"), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_HostStopping_ClosesTheSocketAsGoingAway()
    {
        await using var pair = await SocketPair.OpenAsync();
        using var stopping = new CancellationTokenSource();
        var running = Connect(pair, new DelegateHandler((_, _, _) => Task.FromResult(StreamingResponse.Status(200)))).RunAsync(stopping.Token);

        await stopping.CancelAsync();
        var received = await pair.Peer.ReceiveAsync(new ArraySegment<byte>(new byte[16]), CancellationToken.None).WaitAsync(Patience);
        await pair.Peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, pair.Peer.CloseStatus);
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_MalformedFrame_ClosesWithProtocolError()
    {
        await using var pair = await SocketPair.OpenAsync();
        var running = Connect(pair, new DelegateHandler((_, _, _) => Task.FromResult(StreamingResponse.Status(200)))).RunAsync(CancellationToken.None);

        await pair.Peer.SendAsync(Encoding.ASCII.GetBytes(new string('?', FrameHeader.Length)), WebSocketMessageType.Binary, true, CancellationToken.None);
        var received = await pair.Peer.ReceiveAsync(new ArraySegment<byte>(new byte[16]), CancellationToken.None).WaitAsync(Patience);
        await pair.Peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, pair.Peer.CloseStatus);
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_AnswersWith500()
    {
        await using var pair = await SocketPair.OpenAsync();
        var running = Connect(pair, new DelegateHandler((_, _, _) => throw new InvalidOperationException("boom"))).RunAsync(CancellationToken.None);

        await pair.SendAsync(PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/api/messages")));
        var response = Assert.IsType<AssembledResponse>(await pair.ReceiveAsync());

        Assert.Equal(500, response.Response.StatusCode);
        await CloseFromPeerAsync(pair, running);
    }

    private static StreamingConnection Connect(SocketPair pair, IStreamingRequestHandler handler, TimeSpan? requestTimeout = null) =>
        new(pair.Bot, handler, TimeProvider.System, NullLogger.Instance, requestTimeout);

    private static async Task CloseFromPeerAsync(SocketPair pair, Task running)
    {
        await pair.Peer.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(Patience);
        await running.WaitAsync(Patience);
    }

    private sealed class DelegateHandler(Func<StreamingRequest, IStreamingPeer, CancellationToken, Task<StreamingResponse>> handle) : IStreamingRequestHandler
    {
        public Task<StreamingResponse> ProcessRequestAsync(StreamingRequest request, IStreamingPeer peer, CancellationToken cancellationToken) =>
            handle(request, peer, cancellationToken);
    }
}
