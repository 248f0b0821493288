using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace BackCareBot.WebChat;

/// <summary>
/// The one CORS policy for what the browser calls on this host (the chat's settings and token, and the
/// built-in Direct Line): only the configured origins, with the headers DirectLineJS sends.
/// </summary>
internal static class WebChatCors
{
    public const string PolicyName = "WebChat";

    /// <summary>Reads the origins from the bound options, so every configuration source counts.</summary>
    public static IServiceCollection AddWebChatCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, webChat) =>
        {
            var origins = webChat.Value.AllowedOrigins.Select(origin => origin.TrimEnd('/')).Where(origin => origin.Length > 0).ToArray();
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with"));
        });
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
