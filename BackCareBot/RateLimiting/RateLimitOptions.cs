namespace BackCareBot.RateLimiting;

/// <summary>
/// How fast callers may talk to the bot ("RateLimits" section): per client address on what a public web
/// page calls, and per conversation on every activity, whatever channel brings it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Off only for measurements; a public bot needs both limits.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Requests one client address may make per minute to the built-in Direct Line and /webchat/token. Generous
    /// because a clinic's patients may share one address behind NAT, and a polling Direct Line client alone asks
    /// once a second.
    /// </summary>
    public int PerAddressPermitsPerMinute { get; set; } = 1200;

    /// <summary>Activities a conversation may send at once before it has to slow down (the token bucket's size).</summary>
    public int PerConversationBurst { get; set; } = 30;

    /// <summary>Activities per second a conversation may keep sending once its burst is spent.</summary>
    public int PerConversationPerSecond { get; set; } = 1;
}
