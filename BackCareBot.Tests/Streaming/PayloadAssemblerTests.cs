using System.Text;
using BackCareBot.Streaming;

namespace BackCareBot.Tests.Streaming;

public sealed class PayloadAssemblerTests
{
    [Fact]
    public void Accept_DisassembledRequest_RoundTrips()
    {
        var request = StreamingRequest.Create("POST", "/api/messages", StreamBody.Json(Encoding.UTF8.GetBytes("{\"type\":\"message\"}")));
        var id = Guid.NewGuid();

        var assembled = Feed(new PayloadAssembler(), PayloadDisassembler.Request(id, request));

        var result = Assert.IsType<AssembledRequest>(Assert.Single(assembled));
        Assert.Equal(id, result.Id);
        Assert.Equal("POST", result.Request.Verb);
        Assert.Equal("/api/messages", result.Request.Path);
        var body = Assert.Single(result.Request.Bodies);
        Assert.Equal(StreamBody.JsonContentType, body.ContentType);
        Assert.Equal("{\"type\":\"message\"}", Encoding.UTF8.GetString(body.Content.Span));
    }

    [Fact]
    public void Accept_DisassembledResponseWithoutBody_RoundTrips()
    {
        var id = Guid.NewGuid();

        var assembled = Feed(new PayloadAssembler(), PayloadDisassembler.Response(id, StreamingResponse.Status(202)));

        var result = Assert.IsType<AssembledResponse>(Assert.Single(assembled));
        Assert.Equal(202, result.Response.StatusCode);
        Assert.Empty(result.Response.Bodies);
    }

    [Fact]
    public void Request_BodyLongerThanOneFrame_IsCutInto4096ByteFramesAndReassembled()
    {
        var content = new byte[10_000];
        Random.Shared.NextBytes(content);
        var frames = PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/x", new StreamBody("application/octet-stream", content)));

        var streamFrames = frames.Where(f => f.Header.Type == PayloadTypes.Stream).ToList();
        Assert.Equal([4096, 4096, 1808], streamFrames.Select(f => f.Header.PayloadLength));
        Assert.Equal([false, false, true], streamFrames.Select(f => f.Header.End));

        var result = Assert.IsType<AssembledRequest>(Assert.Single(Feed(new PayloadAssembler(), frames)));
        Assert.Equal(content, result.Request.Bodies[0].Content.ToArray());
    }

    [Fact]
    public void Accept_HeaderJsonSplitOverFrames_WaitsForTheLastFrame()
    {
        var json = Encoding.UTF8.GetBytes($"{{\"verb\":\"GET\",\"path\":\"/{new string('a', 5000)}\",\"streams\":[]}}");
        var frames = PayloadDisassembler.Chunk(PayloadTypes.Request, Guid.NewGuid(), json).ToList();
        var assembler = new PayloadAssembler();

        Assert.Null(assembler.Accept(frames[0].Header, frames[0].Payload.Span));
        var result = Assert.IsType<AssembledRequest>(assembler.Accept(frames[1].Header, frames[1].Payload.Span));
        Assert.Equal(5001, result.Request.Path.Length);
    }

    [Fact]
    public void Accept_InterleavedFramesOfTwoRequests_AssemblesBoth()
    {
        var first = new byte[6000];
        var second = new byte[5000];
        Array.Fill(first, (byte)'1');
        Array.Fill(second, (byte)'2');
        var a = PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/first", new StreamBody(null, first)));
        var b = PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/second", new StreamBody(null, second)));
        var interleaved = a.Zip(b).SelectMany(pair => new[] { pair.First, pair.Second }).ToList();

        var assembled = Feed(new PayloadAssembler(), interleaved).Cast<AssembledRequest>().ToList();

        Assert.Equal(2, assembled.Count);
        Assert.Equal(first, assembled.Single(r => r.Request.Path == "/first").Request.Bodies[0].Content.ToArray());
        Assert.Equal(second, assembled.Single(r => r.Request.Path == "/second").Request.Bodies[0].Content.ToArray());
    }

    [Fact]
    public void Accept_StreamBeforeItsHeader_CompletesWhenTheHeaderArrives()
    {
        var frames = PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/x", StreamBody.Json("{}"u8.ToArray())));
        var assembler = new PayloadAssembler();

        Assert.Null(assembler.Accept(frames[1].Header, frames[1].Payload.Span));
        Assert.IsType<AssembledRequest>(assembler.Accept(frames[0].Header, frames[0].Payload.Span));
        Assert.Equal(0, assembler.IncompleteCount);
    }

    [Fact]
    public void Accept_ResponseNamingContentTypeAsTheJavaScriptPeerDoes_ReadsTheBody()
    {
        var id = Guid.NewGuid();
        var streamId = Guid.NewGuid();
        var json = Encoding.UTF8.GetBytes($"{{\"statusCode\":200,\"streams\":[{{\"id\":\"{streamId}\",\"contentType\":\"application/json; charset=utf-8\",\"length\":11}}]}}");
        var assembler = new PayloadAssembler();

        Assert.Null(assembler.Accept(new FrameHeader(PayloadTypes.Response, json.Length, id, true), json));
        var result = assembler.Accept(new FrameHeader(PayloadTypes.Stream, 11, streamId, true), "{\"id\":\"r1\"}"u8);

        var body = Assert.Single(Assert.IsType<AssembledResponse>(result).Response.Bodies);
        Assert.Equal("application/json; charset=utf-8", body.ContentType);
    }

    [Fact]
    public void Accept_EmptyBodySentWithoutAnyFrame_CompletesAtOnce()
    {
        // The JavaScript peer writes no frame at all for a zero-length payload.
        var json = Encoding.UTF8.GetBytes($"{{\"verb\":\"POST\",\"path\":\"/x\",\"streams\":[{{\"id\":\"{Guid.NewGuid()}\",\"type\":\"text/plain\",\"length\":0}}]}}");

        var result = new PayloadAssembler().Accept(new FrameHeader(PayloadTypes.Request, json.Length, Guid.NewGuid(), true), json);

        Assert.True(Assert.Single(Assert.IsType<AssembledRequest>(result).Request.Bodies).Content.IsEmpty);
    }

    [Fact]
    public void CancelStream_BodyOfAWaitingRequest_AbandonsTheRequest()
    {
        var id = Guid.NewGuid();
        var frames = PayloadDisassembler.Request(id, StreamingRequest.Create("POST", "/x", new StreamBody(null, new byte[9000])));
        var assembler = new PayloadAssembler();
        Assert.Null(assembler.Accept(frames[0].Header, frames[0].Payload.Span));
        Assert.Null(assembler.Accept(frames[1].Header, frames[1].Payload.Span));

        var abandoned = assembler.CancelStream(frames[1].Header.Id);

        Assert.Equal(id, abandoned);
        Assert.Equal(0, assembler.IncompleteCount);
    }

    [Fact]
    public void CancelAll_PartialPayloads_ReturnsThemAndForgetsEverything()
    {
        var waiting = PayloadDisassembler.Request(Guid.NewGuid(), StreamingRequest.Create("POST", "/x", new StreamBody(null, new byte[10])));
        var assembler = new PayloadAssembler();
        assembler.Accept(waiting[0].Header, waiting[0].Payload.Span);

        var abandoned = assembler.CancelAll();

        Assert.Equal([waiting[0].Header.Id], abandoned);
        Assert.Null(assembler.Accept(waiting[1].Header, waiting[1].Payload.Span));
        Assert.Equal(0, assembler.IncompleteCount);
    }

    [Fact]
    public void Accept_MoreUnfinishedPayloadThanTheCap_ThrowsProtocolException()
    {
        var assembler = new PayloadAssembler(maxBufferedBytes: 8192);
        var streamId = Guid.NewGuid();
        var chunk = new byte[4096];
        assembler.Accept(new FrameHeader(PayloadTypes.Stream, 4096, streamId, false), chunk);
        assembler.Accept(new FrameHeader(PayloadTypes.Stream, 4096, streamId, false), chunk);

        Assert.Throws<StreamingProtocolException>(() => assembler.Accept(new FrameHeader(PayloadTypes.Stream, 1, streamId, true), new byte[1]));
    }

    [Fact]
    public void Accept_HeaderThatIsNotJson_ThrowsProtocolException()
    {
        var garbage = "not json"u8.ToArray();

        Assert.Throws<StreamingProtocolException>(() =>
            new PayloadAssembler().Accept(new FrameHeader(PayloadTypes.Request, garbage.Length, Guid.NewGuid(), true), garbage));
    }

    [Fact]
    public void Accept_StreamAfterItsLastFrame_ThrowsProtocolException()
    {
        var assembler = new PayloadAssembler();
        var streamId = Guid.NewGuid();
        assembler.Accept(new FrameHeader(PayloadTypes.Stream, 1, streamId, true), new byte[1]);

        Assert.Throws<StreamingProtocolException>(() => assembler.Accept(new FrameHeader(PayloadTypes.Stream, 1, streamId, true), new byte[1]));
    }

    private static List<AssembledPayload> Feed(PayloadAssembler assembler, IEnumerable<StreamingFrame> frames)
    {
        var assembled = new List<AssembledPayload>();
        foreach (var frame in frames)
        {
            if (assembler.Accept(frame.Header, frame.Payload.Span) is { } payload)
            {
                assembled.Add(payload);
            }
        }

        return assembled;
    }
}
