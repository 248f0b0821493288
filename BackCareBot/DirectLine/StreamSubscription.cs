using System.Threading.Channels;

namespace BackCareBot.DirectLine;

/// <summary>
/// The frames waiting for one open WebSocket. Bounded: a client that stops reading is cut off rather than
/// allowed to pile up memory, and catches up by reconnecting with its watermark.
/// </summary>
internal sealed class StreamSubscription
{
    private const int Capacity = 128;

    private readonly Channel<byte[]> _frames = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<byte[]> Frames => _frames.Reader;

    /// <summary>Queues a frame; a full queue ends the subscription.</summary>
    public bool Offer(byte[] frame)
    {
        if (_frames.Writer.TryWrite(frame))
        {
            return true;
        }

        End();
        return false;
    }

    public void End() => _frames.Writer.TryComplete();
}
