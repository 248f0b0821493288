namespace BackCareBot.Streaming;

/// <summary>What the authenticated WebSocket upgrade established for every activity that arrives on it.</summary>
/// <param name="ChannelId">The channel named by the upgrade's <c>channelid</c> header; activities must come from it. Null in local development.</param>
/// <param name="CallerId">Derived from the upgrade's validated token, stamped on every activity as POST does.</param>
internal sealed record StreamingSession(string? ChannelId, string? CallerId);
