using BackCareBot.Dialogs.Teams;
using BotMiddleware = BackCareBot.Protocol.Builder.IMiddleware;

namespace BackCareBot.Teams;

internal static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Microsoft Teams: the bot's @mention removed before the bot reads a message, and replies shaped for
    /// Teams (choices as Adaptive Card buttons, paragraph breaks). Both only act on channel "msteams".
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddSingleton<BotMiddleware, TeamsMentionMiddleware>();
        services.AddSingleton<BotMiddleware, TeamsReplyMiddleware>();
        return services;
    }
}
