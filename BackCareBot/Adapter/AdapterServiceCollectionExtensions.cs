using BackCareBot.Protocol.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using BotMiddleware = BackCareBot.Protocol.Builder.IMiddleware;

namespace BackCareBot.Adapter;

internal static class AdapterServiceCollectionExtensions
{
    /// <summary>The turn pipeline: middleware registered as IMiddleware runs in registration order, then the bot; "Turns" settings time the typing indicator.</summary>
    public static IServiceCollection AddBotAdapter(this IServiceCollection services)
    {
        services.AddOptions<TurnOptions>()
            .BindConfiguration(TurnOptions.SectionName)
            .Validate(options => options.Validate().Count == 0, "The Turns settings are out of range: typing after 0-10 s, renewed every 2-10 s.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlowTurnTyping>();
        services.AddSingleton<ConversationTurnLocks>();
        services.AddSingleton(sp => new MiddlewareSet(sp.GetServices<BotMiddleware>()));
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<TurnDispatcher>();
        return services;
    }
}
