using BackCareBot.FollowUps;
using BackCareBot.Protocol.Schema;
using BackCareBot.Tests.Authentication;
using BackCareBot.Tests.Functional;
using BackCareBot.Tests.Teams;
using BackCareBot.Tests.Triage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BackCareBot.Tests.FollowUps;

/// <summary>The real host with a clock the test moves, and helpers to take a Teams chat through a triage.</summary>
internal static class FollowUpTestHost
{
    public static WebApplicationFactory<Program> Create(BotApplicationFactory factory, TimeProvider time) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(time)));

    public static ManualTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Answers every question benignly and returns the replies to the last one (the outcome and the offer).</summary>
    public static async Task<IReadOnlyList<Activity>> RunTriageAsync(TeamsChat chat)
    {
        await chat.SayAsync("hi");
        foreach (var answer in TriageScript.ToSymptoms)
        {
            await chat.SayAsync(answer);
        }

        IReadOnlyList<Activity> last = [];
        foreach (var _ in TriageScript.SymptomIds)
        {
            last = await chat.SayAsync("no");
        }

        return last;
    }

    /// <summary>True when the message says the content line, as text or (in Teams) as a card's question.</summary>
    public static bool Shows(this Activity activity, string key) =>
        activity.Says(key)
        || activity.Attachments?.Any(a => a.Content?.GetProperty("body")[0].GetProperty("text").GetString()?.StartsWith(TriageScript.Opening(key), StringComparison.Ordinal) == true) == true;

    public static ConversationReference Reference(TeamsChat chat) => new()
    {
        ChannelId = Channels.MsTeams,
        Conversation = new ConversationAccount { Id = chat.ConversationId },
    };

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    public static FollowUpStore Store(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<FollowUpStore>();
}
