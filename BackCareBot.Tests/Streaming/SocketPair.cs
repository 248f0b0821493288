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
        PeerReader = new WebSocketByteReader(Peer);
    }

    public WebSocket Bot { get; }

    public WebSocket Peer { get; }

    private WebSocketByteReader PeerReader { get; }

    private PayloadAssembler PeerAssembler { get; } = new();

    public static async Task<SocketPair> OpenAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accepting = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new SocketPair(client, await accepting);
    }

    /// <summary>Sends frames as the JavaScript peer does: header and payload as separate WebSocket messages.</summary>
    public async Task SendAsync(IEnumerable<StreamingFrame> frames)
    {
        foreach (var frame in frames)
        {
            var header = new byte[FrameHeader.Length];
            frame.Header.WriteTo(header);
            await Peer.SendAsync(header, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            if (!frame.Payload.IsEmpty)
            {
                await Peer.SendAsync(frame.Payload, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            }
        }
    }

    public Task SendAsync(StreamingFrame frame) => SendAsync([frame]);

    /// <summary>Reads frames until one request or response is complete; null when the bot closed the socket.</summary>
    public async Task<AssembledPayload?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var header = new byte[FrameHeader.Length];
        var payload = new byte[FrameHeader.MaxPayloadLength];
        while (await PeerReader.ReadExactlyAsync(header, timeout.Token))
        {
            var frame = FrameHeader.Parse(header);
            await PeerReader.ReadExactlyAsync(payload.AsMemory(0, frame.PayloadLength), timeout.Token);
            if (PeerAssembler.Accept(frame, payload.AsSpan(0, frame.PayloadLength)) is { } assembled)
            {
                return assembled;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Bot.Dispose();
        Peer.Dispose();
        _client.Dispose();
        _server.Dispose();
        await Task.CompletedTask;
    }
}
