using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

/// <summary>Two WebSockets joined over a real loopback TCP connection: the bot's end and a hand-driven peer.</summary>
internal sealed class SocketPair : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly TcpClient _server;

    private SocketPair(TcpClient client, TcpClient server)
    {
        _client = client;
        _server = server;
        Bot = WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true });
        Peer = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        PeerFrames = new FramePeer(Peer);
    }

    public WebSocket Bot { get; }

    public WebSocket Peer { get; }

    private FramePeer PeerFrames { get; }

    public static async Task<SocketPair> OpenAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accepting = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new SocketPair(client, await accepting);
    }

    public Task SendAsync(IEnumerable<StreamingFrame> frames) => PeerFrames.SendAsync(frames);

    public Task SendAsync(StreamingFrame frame) => PeerFrames.SendAsync([frame]);

    public Task<AssembledPayload?> ReceiveAsync() => PeerFrames.ReceiveAsync();

    public async ValueTask DisposeAsync()
    {
        Bot.Dispose();
        Peer.Dispose();
        _client.Dispose();
        _server.Dispose();
        await Task.CompletedTask;
    }
}
