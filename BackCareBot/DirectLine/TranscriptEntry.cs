namespace BackCareBot.DirectLine;

/// <summary>
/// One activity of a transcript, kept as the JSON the clients receive, so memory is counted in bytes and
/// a delivery re-serializes nothing. Typing activities travel over the stream only, as on Azure. A client's
/// post keeps the clientActivityID it was sent with, so a retry of it can be recognised.
/// </summary>
internal sealed record TranscriptEntry(long Sequence, byte[] Json, bool StreamOnly, string? RetryKey = null);
