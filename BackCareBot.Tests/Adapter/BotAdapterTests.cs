using BackCareBot.Adapter;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Adapter;

public sealed class BotAdapterTests
{
    [Fact]
    public async Task ProcessActivityAsync_BotReplies_RepliesReachSenderInOrderAndAddressed()
    {
        var sender = new RecordingSender();
        var adapter = CreateAdapter(new DelegateBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Text = "one" }, ct);
            await turn.SendActivityAsync(new Activity { Text = "two" }, ct);
        }));

        var outcome = await adapter.ProcessActivityAsync(Incoming("c1"), sender, CancellationToken.None);

        Assert.Equal(["one", "two"], sender.Sent.Select(a => a.Text));
        Assert.Equal(outcome.Replies, sender.Sent);
        var first = sender.Sent[0];
        Assert.Equal("c1", first.Conversation?.Id);
        Assert.Equal("bot-id", first.From?.Id);
        Assert.Equal("user-id", first.Recipient?.Id);
        Assert.Equal("incoming-1", first.ReplyToId);
        Assert.Equal("https://service.example/", first.ServiceUrl);
    }

    [Fact]
    public async Task ProcessActivityAsync_StateConflictOnce_TurnRerunsAndOnlySecondRepliesAreSent()
    {
        var attempts = 0;
        var sender = new RecordingSender();
        var adapter = CreateAdapter(new DelegateBot(async (turn, ct) =>
        {
            attempts++;
            await turn.SendActivityAsync(new Activity { Text = $"attempt {attempts}" }, ct);
            if (attempts == 1)
            {
                throw new StorageConflictException();
            }
        }));

        await adapter.ProcessActivityAsync(Incoming("c1"), sender, CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.Equal(["attempt 2"], sender.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_ConflictEveryTime_GivesUpThroughErrorHandler()
    {
        var handler = new RecordingErrorHandler();
        var sender = new RecordingSender();
        var adapter = CreateAdapter(new DelegateBot((_, _) => throw new StorageConflictException()), handler);

        await adapter.ProcessActivityAsync(Incoming("c1"), sender, CancellationToken.None);

        Assert.IsType<StorageConflictException>(handler.Exception);
        Assert.Equal(["error handled"], sender.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_BotThrows_PartialRepliesDroppedAndHandlerAnswers()
    {
        var handler = new RecordingErrorHandler();
        var sender = new RecordingSender();
        var adapter = CreateAdapter(new DelegateBot(async (turn, ct) =>
        {
            await turn.SendActivityAsync(new Activity { Text = "half a reply" }, ct);
            throw new InvalidOperationException("boom");
        }), handler);

        await adapter.ProcessActivityAsync(Incoming("c1"), sender, CancellationToken.None);

        Assert.IsType<InvalidOperationException>(handler.Exception);
        Assert.Equal(["error handled"], sender.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessActivityAsync_ErrorHandlerThrows_DoesNotThrow()
    {
        var adapter = CreateAdapter(
            new DelegateBot((_, _) => throw new InvalidOperationException()),
            new ThrowingErrorHandler());

        var outcome = await adapter.ProcessActivityAsync(Incoming("c1"), new RecordingSender(), CancellationToken.None);

        Assert.Empty(outcome.Replies);
    }

    [Fact]
    public async Task ProcessActivityAsync_ConcurrentTurnsOfOneConversation_RunOneAtATime()
    {
        var running = 0;
        var maxRunning = 0;
        var adapter = CreateAdapter(new DelegateBot(async (turn, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            await Task.Delay(5, ct);
            await turn.SendActivityAsync(new Activity { Text = turn.Activity.Text }, ct);
            Interlocked.Decrement(ref running);
        }));
        var sender = new RecordingSender();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => adapter.ProcessActivityAsync(Incoming("same", $"m{i}"), sender, CancellationToken.None))));

        Assert.Equal(1, maxRunning);
        Assert.Equal(20, sender.Sent.Count);
    }

    [Fact]
    public async Task ProcessActivityAsync_DifferentConversations_RunInParallel()
    {
        var gate = new TaskCompletionSource();
        var started = 0;
        var adapter = CreateAdapter(new DelegateBot(async (_, _) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                gate.SetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }));

        await Task.WhenAll(
            adapter.ProcessActivityAsync(Incoming("a"), new RecordingSender(), CancellationToken.None),
            adapter.ProcessActivityAsync(Incoming("b"), new RecordingSender(), CancellationToken.None));

        Assert.Equal(2, started);
    }

    [Fact]
    public async Task ProcessActivityAsync_TraceActivity_OnlyDeliveredOnEmulatorAndTestChannels()
    {
        var bot = new DelegateBot((turn, ct) => turn.SendActivityAsync(new Activity { Type = ActivityTypes.Trace, Name = "t" }, ct));
        var teams = new RecordingSender();
        var emulator = new RecordingSender();

        await CreateAdapter(bot).ProcessActivityAsync(Incoming("c", channelId: Channels.MsTeams), teams, CancellationToken.None);
        await CreateAdapter(bot).ProcessActivityAsync(Incoming("c", channelId: Channels.Emulator), emulator, CancellationToken.None);

        Assert.Empty(teams.Sent);
        Assert.Single(emulator.Sent);
    }

    [Fact]
    public async Task ProcessActivityAsync_AfterTurns_NoLocksLeftBehind()
    {
        var locks = new ConversationTurnLocks();
        var adapter = CreateAdapter(new DelegateBot((_, _) => Task.CompletedTask), locks: locks);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            adapter.ProcessActivityAsync(Incoming($"c{i % 3}"), new RecordingSender(), CancellationToken.None)));

        Assert.Equal(0, locks.ActiveCount);
    }

    private static BotAdapter CreateAdapter(IBot bot, ITurnErrorHandler? handler = null, ConversationTurnLocks? locks = null) =>
        new(
            bot,
            new MiddlewareSet([]),
            handler ?? new RecordingErrorHandler(),
            locks ?? new ConversationTurnLocks(),
            new SlowTurnTyping(Options.Create(new TurnOptions()), TimeProvider.System, NullLogger<SlowTurnTyping>.Instance),
            NullLogger<BotAdapter>.Instance);

    private static Activity Incoming(string conversationId, string text = "hello", string channelId = Channels.Test) => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = channelId,
        ServiceUrl = "https://service.example/",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-id" },
        Recipient = new ChannelAccount { Id = "bot-id" },
        Text = text,
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class DelegateBot(Func<ITurnContext, CancellationToken, Task> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) => onTurn(turnContext, cancellationToken);
    }

    private sealed class RecordingErrorHandler : ITurnErrorHandler
    {
        public Exception? Exception { get; private set; }

        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
        {
            Exception = exception;
            return turnContext.SendActivityAsync(new Activity { Text = "error handled" }, cancellationToken);
        }
    }

    private sealed class ThrowingErrorHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler broke");
    }
}

internal sealed class RecordingSender : IActivitySender
{
    private readonly List<Activity> _sent = [];

    public IReadOnlyList<Activity> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.AddRange(activities);
        }

        return Task.FromResult(activities.Select((_, i) => new ResourceResponse($"id-{i}")).ToArray());
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse(activity.Id));

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
