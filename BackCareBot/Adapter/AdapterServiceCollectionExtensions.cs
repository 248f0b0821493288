using BackCareBot.Protocol.Builder;
using BotMiddleware = BackCareBot.Protocol.Builder.IMiddleware;

namespace BackCareBot.Adapter;

internal static class AdapterServiceCollectionExtensions
{
    /// <summary>The turn pipeline: middleware registered as IMiddleware runs in registration order, then the bot.</summary>
    public static IServiceCollection AddBotAdapter(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTurnLocks>();
        services.AddSingleton(sp => new MiddlewareSet(sp.GetServices<BotMiddleware>()));
        services.AddSingleton<BotAdapter>();
        return services;
    }
}
