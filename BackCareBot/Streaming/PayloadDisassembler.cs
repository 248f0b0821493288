using System.Text.Json;

namespace BackCareBot.Streaming;

/// <summary>
/// Turns a request or response into frames: the JSON header payload first (naming each body by a fresh stream
/// id), then each body's bytes as stream frames, every payload cut at 4096 bytes with the end flag on the last.
/// </summary>
public static class PayloadDisassembler
{
    public static IReadOnlyList<StreamingFrame> Request(Guid id, StreamingRequest request)
    {
        var streams = Describe(request.Bodies);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new RequestPayload(request.Verb, request.Path, streams), StreamingJsonContext.Default.RequestPayload);
        return Frames(PayloadTypes.Request, id, json, streams, request.Bodies);
    }

    public static IReadOnlyList<StreamingFrame> Response(Guid id, StreamingResponse response)
    {
        var streams = Describe(response.Bodies);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new ResponsePayload(response.StatusCode, streams), StreamingJsonContext.Default.ResponsePayload);
        return Frames(PayloadTypes.Response, id, json, streams, response.Bodies);
    }

    public static StreamingFrame CancelAll() => new(new FrameHeader(PayloadTypes.CancelAll, 0, Guid.Empty, End: true), ReadOnlyMemory<byte>.Empty);

    public static StreamingFrame CancelStream(Guid streamId) =>
        new(new FrameHeader(PayloadTypes.CancelStream, 0, streamId, End: true), ReadOnlyMemory<byte>.Empty);

    /// <summary>Cuts one payload into frames; an empty payload still gets one (empty, final) frame.</summary>
    public static IEnumerable<StreamingFrame> Chunk(char type, Guid id, ReadOnlyMemory<byte> payload)
    {
        var offset = 0;
        do
        {
            var count = Math.Min(FrameHeader.MaxPayloadLength, payload.Length - offset);
            var end = offset + count >= payload.Length;
            yield return new StreamingFrame(new FrameHeader(type, count, id, end), payload.Slice(offset, count));
            offset += count;
        }
        while (offset < payload.Length);
    }

    private static StreamDescription[] Describe(IReadOnlyList<StreamBody> bodies) =>
        [.. bodies.Select(body => new StreamDescription(Guid.NewGuid(), body.ContentType, body.Content.Length))];

    private static List<StreamingFrame> Frames(
        char type, Guid id, byte[] json, StreamDescription[] streams, IReadOnlyList<StreamBody> bodies)
    {
        var frames = new List<StreamingFrame>(Chunk(type, id, json));
        for (var i = 0; i < streams.Length; i++)
        {
            frames.AddRange(Chunk(PayloadTypes.Stream, streams[i].Id, bodies[i].Content));
        }

        return frames;
    }
}
