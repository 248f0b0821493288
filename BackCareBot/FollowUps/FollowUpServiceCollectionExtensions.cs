using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.FollowUps;
using BackCareBot.Dialogs.Messages;
using Microsoft.Extensions.Options;

namespace BackCareBot.FollowUps;

internal static class FollowUpServiceCollectionExtensions
{
    /// <summary>
    /// The check-in after a triage: the schedule the dialogs use (<see cref="IFollowUpScheduler"/>), kept in the
    /// bot's store, and the background service that sends due check-ins through the Bot Connector or through a
    /// channel's own <see cref="IProactiveSender"/>. Settings: the "FollowUp" section.
    /// </summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowUpOptions>().Bind(configuration.GetSection(FollowUpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FollowUpOptions>, FollowUpOptionsValidator>();
        services.AddSingleton<FollowUpStore>();
        services.AddSingleton<IFollowUpScheduler, FollowUpScheduler>();
        services.AddSingleton<ConnectorProactiveSender>();
        services.AddSingleton<ProactiveRouter>();
        services.AddSingleton(sp =>
        {
            var content = sp.GetRequiredService<ConversationContent>();
            var speech = sp.GetRequiredService<IOptions<SpeechSettings>>().Value;
            return new FollowUpDispatcher(
                sp.GetRequiredService<FollowUpStore>(),
                sp.GetRequiredService<ProactiveRouter>(),
                new ReplyBuilder(content, new MessageFactory(speech), new EmergencyNumberDirectory(content.EmergencyNumbers)),
                sp.GetRequiredService<IOptions<FollowUpOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FollowUpDispatcher>>());
        });
        services.AddHostedService<FollowUpService>();
        return services;
    }
}
