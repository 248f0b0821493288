using System.Buffers;
using System.Text.Json;

namespace BackCareBot.Streaming;

/// <summary>
/// Puts frames back together into requests and responses. Frames of different requests, responses and
/// streams may interleave, and a body's stream frames may come before or after the header naming them; a
/// payload is handed out only once its header and every body it names are complete. Not thread-safe: the
/// receive loop owns it.
/// </summary>
public sealed class PayloadAssembler(int maxBufferedBytes = PayloadAssembler.DefaultMaxBufferedBytes)
{
    /// <summary>Enough for a few activities in flight at once, not enough for a peer to exhaust memory.</summary>
    public const int DefaultMaxBufferedBytes = 4 * 1024 * 1024;

    private readonly Dictionary<Guid, PartialHeader> _headers = [];
    private readonly Dictionary<Guid, PartialStream> _streams = [];
    private readonly Dictionary<Guid, WaitingPayload> _waiting = [];
    private readonly Dictionary<Guid, Guid> _payloadOfStream = [];
    private int _bufferedBytes;

    /// <summary>Requests and responses waiting for their bodies, or their header's remaining frames.</summary>
    public int IncompleteCount => _headers.Count + _waiting.Count;

    /// <summary>Takes one request, response or stream frame; returns the payload it completed, if any.</summary>
    public AssembledPayload? Accept(FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length != header.PayloadLength)
        {
            throw new ArgumentException("The payload is not as long as its header says.", nameof(payload));
        }

        return header.Type switch
        {
            PayloadTypes.Request or PayloadTypes.Response => AcceptHeader(header, payload),
            PayloadTypes.Stream => AcceptStream(header, payload),
            _ => throw new ArgumentException("Cancel frames are not payload.", nameof(header)),
        };
    }

    /// <summary>Drops a body the peer gave up on; returns the request or response that can now never complete.</summary>
    public Guid? CancelStream(Guid streamId)
    {
        if (_streams.Remove(streamId, out var stream))
        {
            _bufferedBytes -= stream.Buffer.WrittenCount;
        }

        if (!_payloadOfStream.TryGetValue(streamId, out var payloadId))
        {
            return null;
        }

        Forget(payloadId);
        return payloadId;
    }

    /// <summary>Drops everything in progress; returns the requests and responses abandoned.</summary>
    public IReadOnlyList<Guid> CancelAll()
    {
        var abandoned = _headers.Keys.Concat(_waiting.Keys).ToList();
        _headers.Clear();
        _streams.Clear();
        _waiting.Clear();
        _payloadOfStream.Clear();
        _bufferedBytes = 0;
        return abandoned;
    }

    private AssembledPayload? AcceptHeader(FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (_waiting.ContainsKey(header.Id))
        {
            throw new StreamingProtocolException("A payload id was reused before its payload completed.");
        }

        if (!_headers.TryGetValue(header.Id, out var partial))
        {
            partial = new PartialHeader(header.Type);
            _headers[header.Id] = partial;
        }
        else if (partial.Type != header.Type)
        {
            throw new StreamingProtocolException("A request and a response share one id.");
        }

        Buffer(partial.Buffer, payload);
        if (!header.End)
        {
            return null;
        }

        _headers.Remove(header.Id);
        _bufferedBytes -= partial.Buffer.WrittenCount;
        var (streams, waiting) = ParseHeader(header.Id, partial);
        foreach (var stream in streams)
        {
            if (!_payloadOfStream.TryAdd(stream.Id, header.Id))
            {
                throw new StreamingProtocolException("Two payloads name the same body stream.");
            }
        }

        _waiting[header.Id] = waiting;
        return TryComplete(header.Id);
    }

    private AssembledPayload? AcceptStream(FrameHeader header, ReadOnlySpan<byte> payload)
    {
        var known = _streams.TryGetValue(header.Id, out var stream);
        if (!known)
        {
            // A peer may send an empty final frame for a body whose header said its length is 0; that body is already complete.
            if (payload.IsEmpty && header.End && !_payloadOfStream.ContainsKey(header.Id))
            {
                return null;
            }

            stream = new PartialStream();
            _streams[header.Id] = stream;
        }

        if (stream!.Ended)
        {
            throw new StreamingProtocolException("A body stream continued after its last frame.");
        }

        Buffer(stream.Buffer, payload);
        stream.Ended = header.End;
        return stream.Ended && _payloadOfStream.TryGetValue(header.Id, out var payloadId) ? TryComplete(payloadId) : null;
    }

    private (IReadOnlyList<StreamDescription> Streams, WaitingPayload Waiting) ParseHeader(Guid id, PartialHeader partial)
    {
        try
        {
            var json = partial.Buffer.WrittenSpan;
            if (partial.Type == PayloadTypes.Request)
            {
                var request = JsonSerializer.Deserialize(json, StreamingJsonContext.Default.RequestPayload)
                    ?? throw new StreamingProtocolException("A request header is null.");
                if (string.IsNullOrEmpty(request.Verb) || string.IsNullOrEmpty(request.Path))
                {
                    throw new StreamingProtocolException("A request header has no verb or path.");
                }

                var streams = request.Streams ?? [];
                return (streams, new WaitingPayload(id, streams, request, null));
            }

            var response = JsonSerializer.Deserialize(json, StreamingJsonContext.Default.ResponsePayload)
                ?? throw new StreamingProtocolException("A response header is null.");
            var responseStreams = response.Streams ?? [];
            return (responseStreams, new WaitingPayload(id, responseStreams, null, response));
        }
        catch (JsonException)
        {
            throw new StreamingProtocolException("A request or response header is not valid JSON.");
        }
    }

    private AssembledPayload? TryComplete(Guid payloadId)
    {
        var waiting = _waiting[payloadId];
        var bodies = new List<StreamBody>(waiting.Streams.Count);
        foreach (var description in waiting.Streams)
        {
            if (_streams.TryGetValue(description.Id, out var stream) && stream.Ended)
            {
                bodies.Add(new StreamBody(description.MediaType, stream.Buffer.WrittenMemory.ToArray()));
            }
            else if (description.Length == 0 && stream is null)
            {
                // The JavaScript peer sends no frame at all for an empty body.
                bodies.Add(new StreamBody(description.MediaType, ReadOnlyMemory<byte>.Empty));
            }
            else
            {
                return null;
            }
        }

        Forget(payloadId);
        return waiting.Request is { } request
            ? new AssembledRequest(payloadId, new StreamingRequest(request.Verb, request.Path, bodies))
            : new AssembledResponse(payloadId, new StreamingResponse(waiting.Response!.StatusCode, bodies));
    }

    private void Forget(Guid payloadId)
    {
        if (!_waiting.Remove(payloadId, out var waiting))
        {
            return;
        }

        foreach (var description in waiting.Streams)
        {
            _payloadOfStream.Remove(description.Id);
            if (_streams.Remove(description.Id, out var stream))
            {
                _bufferedBytes -= stream.Buffer.WrittenCount;
            }
        }
    }

    private void Buffer(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> payload)
    {
        if (_bufferedBytes + payload.Length > maxBufferedBytes)
        {
            throw new StreamingProtocolException("The peer sent more unfinished payload than this bot holds.");
        }

        buffer.Write(payload);
        _bufferedBytes += payload.Length;
    }

    private sealed class PartialHeader(char type)
    {
        public char Type { get; } = type;

        public ArrayBufferWriter<byte> Buffer { get; } = new();
    }

    private sealed class PartialStream
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new();

        public bool Ended { get; set; }
    }

    private sealed record WaitingPayload(
        Guid Id, IReadOnlyList<StreamDescription> Streams, RequestPayload? Request, ResponsePayload? Response);
}
