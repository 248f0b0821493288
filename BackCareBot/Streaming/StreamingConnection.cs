using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace BackCareBot.Streaming;

/// <summary>
/// One Bot Framework streaming session over a WebSocket, both ways at once: the peer's requests are answered
/// concurrently by the handler, the bot's own requests wait in a table for the peer's responses, and a single
/// send loop writes every frame so frames of different payloads never tear each other. Runs until either
/// side closes; then unanswered requests fail and running handlers are cancelled.
/// </summary>
public sealed partial class StreamingConnection : IStreamingPeer
{
    /// <summary>How long the peer has to answer one of the bot's requests (a reply) before the turn gives up on it.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly IStreamingRequestHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _requestTimeout;
    private readonly PayloadAssembler _assembler = new();
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<StreamingResponse>> _pending = new();
    private readonly ConcurrentDictionary<Guid, Task> _handling = new();
    private readonly CancellationTokenSource _abort = new();
    private CancellationTokenSource _handlers = new();
    private volatile bool _closed;

    public StreamingConnection(
        WebSocket socket, IStreamingRequestHandler handler, TimeProvider time, ILogger logger, TimeSpan? requestTimeout = null)
    {
        _socket = socket;
        _handler = handler;
        _time = time;
        _logger = logger;
        _requestTimeout = requestTimeout ?? DefaultRequestTimeout;
    }

    /// <summary>The bot's requests still waiting for the peer's response.</summary>
    public int PendingRequestCount => _pending.Count;

    /// <summary>Runs the session until the peer closes, the socket fails, or <paramref name="stopping"/> asks the bot to close it.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var sendLoop = SendLoopAsync();
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        await using (stopping.Register(() => BeginClose(WebSocketCloseStatus.EndpointUnavailable)).ConfigureAwait(false))
        {
            try
            {
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
            catch (StreamingProtocolException exception)
            {
                LogProtocolError(exception.Message);
                closeStatus = WebSocketCloseStatus.ProtocolError;
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                LogSocketLost(exception.GetType().Name);
            }
            finally
            {
                await ShutDownAsync(closeStatus, sendLoop).ConfigureAwait(false);
            }
        }
    }

    public async Task<StreamingResponse> SendRequestAsync(StreamingRequest request, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var response = new TaskCompletionSource<StreamingResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        if (_closed)
        {
            _pending.TryRemove(id, out _);
            throw new StreamingConnectionClosedException("The streaming connection is closed.");
        }

        try
        {
            await SendFramesAsync(PayloadDisassembler.Request(id, request)).ConfigureAwait(false);

            // Throws TimeoutException when the peer does not answer in time.
            return await response.Task.WaitAsync(_requestTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var reader = new WebSocketByteReader(_socket);
        var header = new byte[FrameHeader.Length];
        var payload = new byte[FrameHeader.MaxPayloadLength];
        while (await reader.ReadExactlyAsync(header, _abort.Token).ConfigureAwait(false))
        {
            var frame = FrameHeader.Parse(header);
            if (!await reader.ReadExactlyAsync(payload.AsMemory(0, frame.PayloadLength), _abort.Token).ConfigureAwait(false))
            {
                throw new StreamingProtocolException("The socket closed in the middle of a frame.");
            }

            Dispatch(frame, payload.AsSpan(0, frame.PayloadLength));
        }
    }

    private void Dispatch(FrameHeader frame, ReadOnlySpan<byte> payload)
    {
        switch (frame.Type)
        {
            case PayloadTypes.CancelAll:
                foreach (var abandoned in _assembler.CancelAll())
                {
                    FailPending(abandoned, new OperationCanceledException("The peer cancelled everything in progress."));
                }

                // The peer no longer wants answers to anything it asked; a fresh source serves what it asks next.
                var cancelled = Interlocked.Exchange(ref _handlers, new CancellationTokenSource());
                cancelled.Cancel();
                cancelled.Dispose();
                break;
            case PayloadTypes.CancelStream:
                if (_assembler.CancelStream(frame.Id) is { } payloadId)
                {
                    FailPending(payloadId, new OperationCanceledException("The peer cancelled the response's body."));
                }

                break;
            default:
                switch (_assembler.Accept(frame, payload))
                {
                    case AssembledRequest request:
                        StartHandling(request);
                        break;
                    case AssembledResponse response when _pending.TryRemove(response.Id, out var waiting):
                        waiting.TrySetResult(response.Response);
                        break;
                }

                break;
        }
    }

    private void StartHandling(AssembledRequest request)
    {
        var token = _handlers.Token;
        var task = Task.Run(() => HandleAsync(request, token), CancellationToken.None);
        _handling[request.Id] = task;
        _ = task.ContinueWith(_ => _handling.TryRemove(request.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task HandleAsync(AssembledRequest request, CancellationToken cancellationToken)
    {
        StreamingResponse response;
        try
        {
            response = await _handler.ProcessRequestAsync(request.Request, this, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogHandlerFailed(exception.GetType().Name, exception);
            response = StreamingResponse.Status(StatusCodes.Status500InternalServerError);
        }

        try
        {
            await SendFramesAsync(PayloadDisassembler.Response(request.Id, response)).ConfigureAwait(false);
        }
        catch (StreamingConnectionClosedException)
        {
            // The peer left before its answer was ready; there is no one to tell.
        }
    }

    private Task SendFramesAsync(IReadOnlyList<StreamingFrame> frames)
    {
        var item = new Outgoing(frames, null);
        return _outgoing.Writer.TryWrite(item)
            ? item.Sent.Task
            : Task.FromException(new StreamingConnectionClosedException("The streaming connection is closed."));
    }

    private void BeginClose(WebSocketCloseStatus status)
    {
        if (!_outgoing.Writer.TryWrite(new Outgoing([], status)))
        {
            return;
        }

        try
        {
            // A peer that never answers the close handshake does not get to hold the connection open.
            _abort.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The session finished between queuing the close and arming its deadline.
        }
    }

    private async Task SendLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FrameHeader.Length + FrameHeader.MaxPayloadLength);
        try
        {
            await foreach (var item in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (item.Close is { } status)
                    {
                        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                        {
                            await _socket.CloseOutputAsync(status, null, _abort.Token).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        foreach (var frame in item.Frames)
                        {
                            // Header and payload go as one message; the protocol allows either, and this halves the messages.
                            frame.Header.WriteTo(buffer);
                            frame.Payload.Span.CopyTo(buffer.AsSpan(FrameHeader.Length));
                            await _socket.SendAsync(
                                buffer.AsMemory(0, FrameHeader.Length + frame.Payload.Length),
                                WebSocketMessageType.Binary,
                                endOfMessage: true,
                                _abort.Token).ConfigureAwait(false);
                        }
                    }

                    item.Sent.TrySetResult();
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    item.Sent.TrySetException(new StreamingConnectionClosedException("The streaming connection closed while sending."));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ShutDownAsync(WebSocketCloseStatus status, Task sendLoop)
    {
        _closed = true;
        await _handlers.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_handling.Values).ConfigureAwait(false);
        foreach (var id in _pending.Keys)
        {
            FailPending(id, new StreamingConnectionClosedException("The streaming connection closed before the peer answered."));
        }

        BeginClose(status);
        _outgoing.Writer.TryComplete();
        await sendLoop.ConfigureAwait(false);
        while (_outgoing.Reader.TryRead(out var unsent))
        {
            unsent.Sent.TrySetException(new StreamingConnectionClosedException("The streaming connection is closed."));
        }

        if (_socket.State is not WebSocketState.Closed and not WebSocketState.Aborted)
        {
            _socket.Abort();
        }

        _handlers.Dispose();
        _abort.Dispose();
    }

    private void FailPending(Guid id, Exception exception)
    {
        if (_pending.TryRemove(id, out var waiting))
        {
            waiting.TrySetException(exception);
        }
    }

    private sealed record Outgoing(IReadOnlyList<StreamingFrame> Frames, WebSocketCloseStatus? Close)
    {
        public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Closing a streaming connection: the peer broke the protocol ({Reason})")]
    private partial void LogProtocolError(string reason);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "A streaming connection was lost ({ExceptionType})")]
    private partial void LogSocketLost(string exceptionType);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Error, Message = "A streaming request handler failed with {ExceptionType}")]
    private partial void LogHandlerFailed(string exceptionType, Exception exception);
}
