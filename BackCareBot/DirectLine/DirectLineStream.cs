using System.Net.WebSockets;

namespace BackCareBot.DirectLine;

/// <summary>
/// Serves one Direct Line WebSocket: pushes the conversation's ActivitySet frames, sends an empty frame
/// whenever it has been quiet for the keep-alive interval, and ignores what the client sends (DLJS pings
/// with empty frames). It ends when the client closes, the subscription ends (a newer socket took over,
/// the client fell behind, or the conversation was dropped) or the host stops.
/// </summary>
internal static class DirectLineStream
{
    public static async Task RunAsync(WebSocket socket, StreamSubscription subscription, TimeSpan keepAlive, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = DrainAsync(socket, stop.Token);
        var sending = SendAsync(socket, subscription, keepAlive, time, stop.Token);
        await Task.WhenAny(receiving, sending);
        await stop.CancelAsync();
        await Task.WhenAll(Quietly(receiving), Quietly(sending));
        await CloseAsync(socket);
    }

    private static async Task SendAsync(WebSocket socket, StreamSubscription subscription, TimeSpan keepAlive, TimeProvider time, CancellationToken stop)
    {
        var frames = subscription.Frames;
        while (true)
        {
            using var quiet = new CancellationTokenSource(keepAlive, time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop, quiet.Token);
            bool more;
            try
            {
                more = await frames.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (quiet.IsCancellationRequested && !stop.IsCancellationRequested)
            {
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, stop);
                continue;
            }

            if (!more)
            {
                return;
            }

            while (frames.TryRead(out var frame))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stop);
            }
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer.AsMemory(), stop);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    // Either loop ends by cancellation or by the socket failing; both just mean the stream is over.
    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
    }
}
