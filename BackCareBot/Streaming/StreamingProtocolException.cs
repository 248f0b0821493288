namespace BackCareBot.Streaming;

/// <summary>The peer broke the framing rules; the connection cannot be trusted to stay in step and is closed.</summary>
public sealed class StreamingProtocolException(string message) : Exception(message);
