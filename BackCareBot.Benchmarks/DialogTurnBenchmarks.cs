using BackCareBot.Dialogs.Bot;
using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Dialogs.Recognition;
using BackCareBot.Dialogs.Recognition.Vocabulary;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using BenchmarkDotNet.Attributes;

namespace BackCareBot.Benchmarks;

/// <summary>
/// One turn of the triage in process, without HTTP: recogniser, state load, dialogs, replies and state save
/// against the in-memory store. One operation is one whole conversation of thirteen turns, from the first
/// message to the self-care outcome, reported per turn.
/// </summary>
[MemoryDiagnoser]
public class DialogTurnBenchmarks
{
    private static readonly string[] Conversation =
        ["hi", "2 days ago", "suddenly", "lower back", "4", "no", "no", "no", "no", "no", "no", "no", "no"];

    private IBot _bot = null!;
    private MiddlewareSet _middleware = null!;
    private int _conversation;

    [GlobalSetup]
    public void Setup()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var vocabulary = RecognizerVocabulary.LoadEmbedded("en");
        var observations = new RecognizerObservationSource(
            new Recognizer(vocabulary),
            vocabulary.RedFlags.ToDictionary(flag => flag.Id, flag => flag.Level, StringComparer.Ordinal));
        _bot = TriageBotComposition.Create(
            ConversationContentLoader.Load("en"), conversationState, userState, observations, new SpeechSettings(), TimeProvider.System).Bot;
        _middleware = new MiddlewareSet([new AutoSaveStateMiddleware([conversationState, userState])]);
    }

    [Benchmark(OperationsPerInvoke = 13)]
    public async Task<int> TriageTurn()
    {
        var conversationId = $"bench-{++_conversation}";
        var replies = 0;
        foreach (var text in Conversation)
        {
            var sender = new CountingSender();
            var turn = new TurnContext(Message(conversationId, text), sender);
            await _middleware.RunAsync(turn, _bot.OnTurnAsync, CancellationToken.None);
            replies += sender.Count;
        }

        return replies;
    }

    private static Activity Message(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m",
        ChannelId = Channels.Test,
        ServiceUrl = "https://bench.invalid/",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "person" },
        Recipient = new ChannelAccount { Id = "bot" },
        Text = text,
        Locale = "en-GB",
    };

    private sealed class CountingSender : IActivitySender
    {
        public int Count { get; private set; }

        public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            Count += activities.Count;
            return Task.FromResult(new ResourceResponse[activities.Count]);
        }

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse(null));

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
