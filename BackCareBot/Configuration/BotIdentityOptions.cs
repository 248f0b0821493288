namespace BackCareBot.Configuration;

/// <summary>How Azure Bot Service knows this bot: the settings its Azure Bot resource was created with.</summary>
public sealed class BotIdentityOptions
{
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>The bot's app (client) id; for UserAssignedMSI, the identity's client id. Empty in local development.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret for MultiTenant and SingleTenant bots.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant for SingleTenant and UserAssignedMSI bots.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>With no app id the bot runs unauthenticated and accepts loopback callers only.</summary>
    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>The msaAppType of the Azure Bot resource.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
