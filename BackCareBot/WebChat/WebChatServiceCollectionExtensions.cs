namespace BackCareBot.WebChat;

internal static class WebChatServiceCollectionExtensions
{
    /// <summary>The web chat page's settings ("WebChat" section), its token source and the CORS policy for embedding sites.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("WebChat");
        services.AddOptions<WebChatOptions>().Bind(section);
        services.AddWebChatCors(section.GetSection(nameof(WebChatOptions.AllowedOrigins)).Get<string[]>() ?? []);
        services.AddHttpClient(WebChatTokenSource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<WebChatTokenSource>();
        return services;
    }
}
