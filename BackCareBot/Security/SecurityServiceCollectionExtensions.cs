namespace BackCareBot.Security;

internal static class SecurityServiceCollectionExtensions
{
    /// <summary>The page's security policy, built from the "WebChat" settings (avatar, Direct Line, speech).</summary>
    public static IServiceCollection AddWebSecurity(this IServiceCollection services)
    {
        services.AddSingleton<PageSecurityPolicy>();
        return services;
    }
}
