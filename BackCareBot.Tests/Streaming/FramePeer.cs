using System.Net.WebSockets;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

/// <summary>A hand-driven streaming peer on a WebSocket: writes frames, reads them back into payloads.</summary>
internal sealed class FramePeer(WebSocket socket)
{
    private readonly WebSocketByteReader _reader = new(socket);
    private readonly PayloadAssembler _assembler = new();

    /// <summary>Sends frames as the JavaScript peer does: header and payload as separate WebSocket messages.</summary>
    public async Task SendAsync(IEnumerable<StreamingFrame> frames)
    {
        foreach (var frame in frames)
        {
            var header = new byte[FrameHeader.Length];
            frame.Header.WriteTo(header);
            await socket.SendAsync(header, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            if (!frame.Payload.IsEmpty)
            {
                await socket.SendAsync(frame.Payload, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
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
        while (await _reader.ReadExactlyAsync(header, timeout.Token))
        {
            var frame = FrameHeader.Parse(header);
            await _reader.ReadExactlyAsync(payload.AsMemory(0, frame.PayloadLength), timeout.Token);
            if (_assembler.Accept(frame, payload.AsSpan(0, frame.PayloadLength)) is { } assembled)
            {
                return assembled;
            }
        }

        return null;
    }
}
