using BackCareBot.Configuration;

namespace BackCareBot.Connector;

/// <summary>
/// Where an outbound token comes from for the bot's app type. Client-credential bots use
/// <see cref="Authority"/> and <see cref="Scope"/>; a user-assigned managed identity asks for
/// <see cref="ManagedIdentityResource"/> (a resource, not a scope).
/// </summary>
public sealed record BotTokenTarget(BotAppType AppType, string ClientId, string? Authority, string? Scope, string? ManagedIdentityResource)
{
    public const string LoginEndpoint = "https://login.microsoftonline.com";
    public const string BotFrameworkTenant = "botframework.com";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";
    public const string BotFrameworkResource = "https://api.botframework.com";

    /// <summary>Works out the token source from the bot identity, refusing incomplete settings.</summary>
    public static BotTokenTarget For(BotIdentityOptions identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.IsLocalDevelopment)
        {
            throw new InvalidOperationException("MicrosoftAppId is not set, so there is no identity to get a token for.");
        }

        var clientId = identity.MicrosoftAppId!;
        return identity.MicrosoftAppType switch
        {
            BotAppType.MultiTenant => ClientCredentials(identity, clientId, BotFrameworkTenant),
            BotAppType.SingleTenant => ClientCredentials(identity, clientId, RequireTenant(identity)),
            BotAppType.UserAssignedMSI => ManagedIdentity(identity, clientId),
            _ => throw new InvalidOperationException($"MicrosoftAppType {identity.MicrosoftAppType} is not supported."),
        };
    }

    private static BotTokenTarget ClientCredentials(BotIdentityOptions identity, string clientId, string tenant)
    {
        if (string.IsNullOrWhiteSpace(identity.MicrosoftAppPassword))
        {
            throw new InvalidOperationException($"MicrosoftAppPassword is required for {identity.MicrosoftAppType} bots.");
        }

        return new(identity.MicrosoftAppType, clientId, $"{LoginEndpoint}/{tenant}", BotFrameworkScope, null);
    }

    private static BotTokenTarget ManagedIdentity(BotIdentityOptions identity, string clientId)
    {
        // A secret beside a managed identity means the settings were copied from another app type.
        if (!string.IsNullOrEmpty(identity.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("MicrosoftAppPassword must be empty for UserAssignedMSI bots.");
        }

        return new(BotAppType.UserAssignedMSI, clientId, null, null, BotFrameworkResource);
    }

    private static string RequireTenant(BotIdentityOptions identity) =>
        string.IsNullOrWhiteSpace(identity.MicrosoftAppTenantId)
            ? throw new InvalidOperationException("MicrosoftAppTenantId is required for SingleTenant bots.")
            : identity.MicrosoftAppTenantId;
}
