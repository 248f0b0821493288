namespace BackCareBot.Streaming;

/// <summary>A request or response whose header and every body have arrived.</summary>
public abstract record AssembledPayload(Guid Id);

public sealed record AssembledRequest(Guid Id, StreamingRequest Request) : AssembledPayload(Id);

public sealed record AssembledResponse(Guid Id, StreamingResponse Response) : AssembledPayload(Id);
