using System.Net.WebSockets;

namespace BackCareBot.Streaming;

/// <summary>
/// Reads the socket as one byte stream: the protocol does not tie frames to WebSocket messages (the
/// JavaScript peer sends a frame's header and payload as two messages), so a frame may span messages and a
/// message may hold several frames.
/// </summary>
internal sealed class WebSocketByteReader(WebSocket socket)
{
    private readonly byte[] _buffer = new byte[FrameHeader.Length + FrameHeader.MaxPayloadLength];
    private int _offset;
    private int _count;

    /// <summary>Fills <paramref name="destination"/>; false when the peer closed the socket first.</summary>
    public async ValueTask<bool> ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < destination.Length)
        {
            if (_count == 0)
            {
                var result = await socket.ReceiveAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return false;
                }

                if (result.MessageType != WebSocketMessageType.Binary)
                {
                    throw new StreamingProtocolException("The streaming protocol uses binary messages only.");
                }

                _offset = 0;
                _count = result.Count;
                continue;
            }

            var take = Math.Min(_count, destination.Length - filled);
            _buffer.AsMemory(_offset, take).CopyTo(destination[filled..]);
            _offset += take;
            _count -= take;
            filled += take;
        }

        return true;
    }
}
