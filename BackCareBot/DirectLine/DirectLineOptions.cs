using BackCareBot.Endpoints;

namespace BackCareBot.DirectLine;

/// <summary>
/// The built-in Direct Line endpoint ("DirectLine" section): how tokens are signed and how long they live,
/// who the bot is on the wire, and the limits that keep transcripts from growing without bound.
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>Base64 HMAC key (32 bytes or more). Empty: a random key per process start, so tokens die with it.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a conversation token is valid; Azure's Direct Line uses 30 minutes too.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a streamUrl may be used to open its socket.</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an open socket gets an empty frame, so proxies and browsers keep it alive.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string BotId { get; set; } = "backcarebot";

    public string BotName { get; set; } = "BackCareBot";

    /// <summary>
    /// Transcripts kept at once; when full, the least recently used one is dropped. Its conversation goes on: the next
    /// request with its token revives it with an empty transcript, numbered on from where it was.
    /// </summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones are dropped (a client only needs the recent ones).</summary>
    public int MaxActivitiesPerConversation { get; set; } = 300;

    /// <summary>
    /// The memory all transcripts may take together, counted as their JSON size; the least recently used are dropped
    /// first, their conversations revived as with MaxConversations.
    /// </summary>
    public long MaxTranscriptBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest activity a client may post; the same as /api/messages, so a long message is still read.</summary>
    public int MaxActivityBytes { get; set; } = ActivityRequestReader.MaxBodyBytes;
}
