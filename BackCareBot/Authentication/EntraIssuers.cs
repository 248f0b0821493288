namespace BackCareBot.Authentication;

/// <summary>Entra ID issuers whose tokens may call the bot (Bot Framework digest §2.2).</summary>
internal static class EntraIssuers
{
    // The Bot Framework's own tenants, used by the Emulator and by the Bot Framework token service.
    private static readonly string[] BotFrameworkTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    public static IReadOnlyList<string> For(string? botTenantId, IEnumerable<string> additional)
    {
        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(botTenantId)
            ? BotFrameworkTenants
            : [.. BotFrameworkTenants, botTenantId.Trim()];
        return [.. tenants.SelectMany(ForTenant), .. additional];
    }

    private static string[] ForTenant(string tenantId) =>
        [$"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
}
