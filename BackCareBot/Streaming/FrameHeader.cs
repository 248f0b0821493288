using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace BackCareBot.Streaming;

/// <summary>
/// The fixed 48-byte ASCII header before every frame's payload: <c>T.LLLLLL.GUID.E\n</c> — type, six-digit
/// payload length, the id of the request, response or stream the frame belongs to, and 1 on its last frame.
/// </summary>
public readonly record struct FrameHeader(char Type, int PayloadLength, Guid Id, bool End)
{
    public const int Length = 48;

    /// <summary>The most payload one frame may carry; longer payloads are split over several frames.</summary>
    public const int MaxPayloadLength = 4096;

    private const byte Delimiter = (byte)'.';
    private const byte Terminator = (byte)'\n';

    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("A frame header needs 48 bytes.", nameof(destination));
        }

        if (PayloadLength is < 0 or > MaxPayloadLength)
        {
            throw new InvalidOperationException($"A frame carries at most {MaxPayloadLength} bytes.");
        }

        destination[0] = (byte)Type;
        destination[1] = Delimiter;
        Encoding.ASCII.GetBytes(PayloadLength.ToString("D6", CultureInfo.InvariantCulture), destination[2..8]);
        destination[8] = Delimiter;
        Encoding.ASCII.GetBytes(Id.ToString("D"), destination[9..45]);
        destination[45] = Delimiter;
        destination[46] = End ? (byte)'1' : (byte)'0';
        destination[47] = Terminator;
    }

    public static FrameHeader Parse(ReadOnlySpan<byte> source)
    {
        if (source.Length != Length)
        {
            throw new StreamingProtocolException("A frame header is 48 bytes long.");
        }

        if (source[1] != Delimiter || source[8] != Delimiter || source[45] != Delimiter || source[47] != Terminator)
        {
            throw new StreamingProtocolException("A frame header is not delimited as T.LLLLLL.ID.E.");
        }

        var type = (char)source[0];
        if (!PayloadTypes.IsKnown(type))
        {
            throw new StreamingProtocolException("A frame has an unknown type.");
        }

        var lengthDigits = source[2..8];
        if (lengthDigits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || !Utf8Parser.TryParse(lengthDigits, out int payloadLength, out var consumed) || consumed != 6
            || payloadLength > MaxPayloadLength)
        {
            throw new StreamingProtocolException("A frame header's payload length is malformed or too long.");
        }

        if (!Utf8Parser.TryParse(source[9..45], out Guid id, out consumed, 'D') || consumed != 36)
        {
            throw new StreamingProtocolException("A frame header's id is not a GUID.");
        }

        var end = source[46] switch
        {
            (byte)'1' => true,
            (byte)'0' => false,
            _ => throw new StreamingProtocolException("A frame header's end flag is neither 0 nor 1."),
        };

        return new FrameHeader(type, payloadLength, id, end);
    }
}
