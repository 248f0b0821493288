using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BackCareBot.DirectLine;

internal static class DirectLineServiceCollectionExtensions
{
    /// <summary>The built-in Direct Line ("DirectLine" section): tokens, the in-memory transcripts and their janitor, and the channel.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection("DirectLine")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineChannel>();
        services.AddHostedService<DirectLineTranscriptJanitor>();
        return services;
    }
}
