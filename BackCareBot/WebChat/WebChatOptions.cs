namespace BackCareBot.WebChat;

/// <summary>
/// The web chat page and embed script ("WebChat" section). With a DirectLineSecret the page talks to
/// Azure's Direct Line through tokens this host exchanges the secret for; without one it uses the
/// built-in endpoint.
/// </summary>
public sealed class WebChatOptions
{
    /// <summary>The Azure Bot's Direct Line secret. Stays on the server; the browser only sees tokens.</summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>Azure's Direct Line base, including /v3/directline; a regional one may be set here.</summary>
    public Uri DirectLineEndpoint { get; set; } = new("https://directline.botframework.com/v3/directline");

    /// <summary>Other sites' origins (scheme://host[:port]) that may embed the chat; the host's own origin needs no entry.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    public string BotName { get; set; } = "BackCareBot";

    /// <summary>The bot's avatar: an image URL, or up to two letters shown as initials.</summary>
    public string Avatar { get; set; } = "BC";

    /// <summary>The BCP 47 language Web Chat's own texts use (the bot answers in its own language).</summary>
    public string Locale { get; set; } = "en-GB";

    /// <summary>Speech through the browser's Web Speech API; off unless a clinic turns it on.</summary>
    public bool EnableSpeech { get; set; }

    public WebChatColours Colours { get; set; } = new();
}

/// <summary>Colours as CSS colour values.</summary>
public sealed class WebChatColours
{
    public string Accent { get; set; } = "#0b6e4f";

    public string Background { get; set; } = "#ffffff";

    public string BotBubble { get; set; } = "#eef4f1";

    public string UserBubble { get; set; } = "#0b6e4f";

    public string UserBubbleText { get; set; } = "#ffffff";
}
