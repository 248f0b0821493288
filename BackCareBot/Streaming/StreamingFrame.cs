namespace BackCareBot.Streaming;

/// <summary>One frame on the wire: its header and at most 4096 bytes of payload.</summary>
public readonly record struct StreamingFrame(FrameHeader Header, ReadOnlyMemory<byte> Payload);
