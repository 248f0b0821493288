namespace BackCareBot.Authentication;

/// <summary>Where inbound tokens' signing keys come from and which issuers are trusted (section "BotAuthentication").</summary>
public sealed class BotAuthenticationOptions
{
    public const string SectionName = "BotAuthentication";

    /// <summary>OpenID metadata for tokens the Bot Connector issues to channels (Teams, Direct Line, voice).</summary>
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra ID tokens (Emulator, skills, agent-to-agent).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer of Bot Connector tokens; a token with any other issuer is treated as an Entra ID token.</summary>
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Entra issuers trusted besides the built-in Bot Framework tenants and the bot's own tenant (e.g. sovereign clouds).</summary>
    public IList<string> AdditionalEntraIssuers { get; } = [];

    /// <summary>How long metadata and keys are used before they are fetched again in the background.</summary>
    public TimeSpan MetadataAutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The least time between refreshes forced by a token signed with an unknown key, so such tokens cannot hammer the metadata endpoint.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound for one metadata or keys download.</summary>
    public TimeSpan MetadataFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
