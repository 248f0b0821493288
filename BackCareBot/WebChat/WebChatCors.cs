namespace BackCareBot.WebChat;

/// <summary>
/// The one CORS policy for what the browser calls on this host (the chat's settings and token, and the
/// built-in Direct Line): only the configured origins, with the headers DirectLineJS sends.
/// </summary>
internal static class WebChatCors
{
    public const string PolicyName = "WebChat";

    public static IServiceCollection AddWebChatCors(this IServiceCollection services, IEnumerable<string> allowedOrigins)
    {
        var origins = allowedOrigins.Select(origin => origin.TrimEnd('/')).Where(origin => origin.Length > 0).ToArray();
        services.AddCors(cors => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with")));
        return services;
    }

    /// <summary>Adds the CORS middleware once, however many areas ask for it.</summary>
    public static WebApplication UseWebChatCors(this WebApplication app)
    {
        if (((IApplicationBuilder)app).Properties.TryAdd(nameof(UseWebChatCors), true))
        {
            app.UseCors();
        }

        return app;
    }
}
