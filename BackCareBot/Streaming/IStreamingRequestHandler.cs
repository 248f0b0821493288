namespace BackCareBot.Streaming;

/// <summary>Answers the requests the peer sends over a streaming connection.</summary>
public interface IStreamingRequestHandler
{
    /// <param name="peer">The connection the request came on, for requests of the bot's own (its replies).</param>
    Task<StreamingResponse> ProcessRequestAsync(StreamingRequest request, IStreamingPeer peer, CancellationToken cancellationToken);
}

/// <summary>The other end of a streaming connection, as far as sending it requests goes.</summary>
public interface IStreamingPeer
{
    /// <summary>Sends a request and waits for the peer's response.</summary>
    /// <exception cref="StreamingConnectionClosedException">The connection closed before the response came.</exception>
    /// <exception cref="TimeoutException">The peer did not answer in time.</exception>
    Task<StreamingResponse> SendRequestAsync(StreamingRequest request, CancellationToken cancellationToken);
}

/// <summary>The connection closed (or was never open) when a request needed it.</summary>
public sealed class StreamingConnectionClosedException(string message) : IOException(message);
