namespace BackCareBot.Tests.Deployment;

/// <summary>
/// The API version every resource type in the templates must use: the newest generally available version
/// that the Azure template reference listed for it when the templates were written (no previews). A type
/// missing here fails the tests, so adding a resource means choosing its version on purpose.
/// </summary>
internal static class CurrentApiVersions
{
    public static IReadOnlyDictionary<string, string> ByType { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.BotService/botServices"] = "2022-09-15",
        ["Microsoft.BotService/botServices/channels"] = "2022-09-15",
        ["Microsoft.Web/serverfarms"] = "2024-04-01",
        ["Microsoft.Web/sites"] = "2024-04-01",
        ["Microsoft.DBforPostgreSQL/flexibleServers"] = "2024-08-01",
        ["Microsoft.DBforPostgreSQL/flexibleServers/databases"] = "2024-08-01",
        ["Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"] = "2024-08-01",
        ["Microsoft.DocumentDB/databaseAccounts"] = "2024-11-15",
        ["Microsoft.DocumentDB/databaseAccounts/sqlDatabases"] = "2024-11-15",
        ["Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers"] = "2024-11-15",
        ["Microsoft.CognitiveServices/accounts"] = "2024-10-01",
        ["Microsoft.Insights/components"] = "2020-02-02",
        ["Microsoft.OperationalInsights/workspaces"] = "2023-09-01",
        ["Microsoft.ManagedIdentity/userAssignedIdentities"] = "2023-01-31",
        ["Microsoft.KeyVault/vaults"] = "2023-07-01",
        ["Microsoft.KeyVault/vaults/secrets"] = "2023-07-01",
        ["Microsoft.Authorization/roleAssignments"] = "2022-04-01",
        ["Microsoft.Resources/deployments"] = "2022-09-01",
    };
}
