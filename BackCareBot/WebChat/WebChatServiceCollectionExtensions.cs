namespace BackCareBot.WebChat;

internal static class WebChatServiceCollectionExtensions
{
    /// <summary>The web chat page's settings ("WebChat" section), its token source and the CORS policy for embedding sites.</summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection("WebChat"));
        services.AddWebChatCors();
        services.AddHttpClient(WebChatTokenSource.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<WebChatTokenSource>();
        return services;
    }
}
