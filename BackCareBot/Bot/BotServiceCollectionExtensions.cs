using BackCareBot.Dialogs.Bot;
using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.FollowUps;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Recognition.Cloud;
using BackCareBot.Dialogs.Recognition.Vocabulary;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;
using Microsoft.Extensions.Options;
using BotMiddleware = BackCareBot.Protocol.Builder.IMiddleware;

namespace BackCareBot.Bot;

internal static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The triage bot and what it stands on: conversation and user state over the configured store, the
    /// English content and recogniser (both validated when the host starts), and state saved after each turn.
    /// </summary>
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SpeechSettings>().Bind(configuration.GetSection("Speech"));
        services.AddSingleton(_ => ConversationContentLoader.Load("en"));
        services.AddSingleton(_ => RecognizerVocabulary.LoadEmbedded("en"));
        services.AddSingleton<IRecognizer>(sp => new Recognizer(sp.GetRequiredService<RecognizerVocabulary>()));
        services.AddOptions<TextAnalyticsHealthOptions>().Bind(configuration.GetSection(TextAnalyticsHealthOptions.SectionName));
        services.AddSingleton<IObservationSource>(sp => new RecognizerObservationSource(
            sp.GetRequiredService<IRecognizer>(),
            sp.GetRequiredService<RecognizerVocabulary>().RedFlags.ToDictionary(flag => flag.Id, flag => flag.Level, StringComparer.Ordinal),
            CreateCloudRecognizer(sp)));
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<BotMiddleware>(sp => new AutoSaveStateMiddleware(
            [sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()]));
        services.AddSingleton(sp => TriageBotComposition.Create(
            sp.GetRequiredService<ConversationContent>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<UserState>(),
            sp.GetRequiredService<IObservationSource>(),
            sp.GetRequiredService<IOptions<SpeechSettings>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IFollowUpScheduler>()));
        services.AddSingleton(sp => sp.GetRequiredService<TriageBotParts>().Bot);
        services.AddSingleton(sp => sp.GetRequiredService<TriageBotParts>().ErrorHandler);
        return services;
    }

    // Text Analytics for Health only when an endpoint and key are configured; the bot never needs it.
    private static CloudEnrichedRecognizer? CreateCloudRecognizer(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TextAnalyticsHealthOptions>>().Value;
        return options.IsConfigured
            ? new CloudEnrichedRecognizer(
                services.GetRequiredService<IRecognizer>(),
                new TextAnalyticsHealthClient(options, services.GetRequiredService<TimeProvider>()),
                options)
            : null;
    }

    /// <summary>Builds the bot now, so a broken knowledge file stops start-up instead of the first conversation.</summary>
    public static void EnsureBotIsValid(this IServiceProvider services) => services.GetRequiredService<IBot>();
}
