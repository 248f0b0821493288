using BackCareBot.Adapter;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackCareBot.Tests.Adapter;

/// <summary>A turn that runs long shows the person a typing indicator, through the real sender, until its replies go out.</summary>
public sealed class SlowTurnTypingTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task ProcessActivityAsync_TurnOutlastsThreshold_TypingReachesSenderBeforeReplies()
    {
        var sender = new RecordingSender();
        var turn = CreateAdapter().ProcessActivityAsync(Incoming(), sender, CancellationToken.None);
        await _started.Task;
        await EventuallyAsync(() => _time.PendingTimers == 1, "the typing clock to start");

        _time.Advance(TimeSpan.FromSeconds(1.4));
        Assert.Empty(sender.Sent);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await EventuallyAsync(() => sender.Sent.Count == 1, "the first typing activity");
        await EventuallyAsync(() => _time.PendingTimers == 1, "the renewal to be scheduled");
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.Single(sender.Sent);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await EventuallyAsync(() => sender.Sent.Count == 2, "the renewed typing activity");
        _gate.SetResult();
        await turn;

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message], sender.Sent.Select(activity => activity.Type));
        Assert.Equal("answer", sender.Sent[^1].Text);
        Assert.All(sender.Sent.Take(2), typing =>
        {
            Assert.Equal("c1", typing.Conversation?.Id);
            Assert.Equal("bot-id", typing.From?.Id);
            Assert.Equal("user-id", typing.Recipient?.Id);
            Assert.Equal("incoming-1", typing.ReplyToId);
            Assert.Equal("https://service.example/", typing.ServiceUrl);
            Assert.Equal(Channels.MsTeams, typing.ChannelId);
        });
    }

    [Fact]
    public async Task ProcessActivityAsync_TurnEnds_NoTypingAfterTheReplies()
    {
        var sender = new RecordingSender();
        var turn = CreateAdapter().ProcessActivityAsync(Incoming(), sender, CancellationToken.None);
        await _started.Task;
        await EventuallyAsync(() => _time.PendingTimers == 1, "the typing clock to start");
        _time.Advance(TimeSpan.FromSeconds(2));
        await EventuallyAsync(() => sender.Sent.Count == 1, "the typing activity");

        _gate.SetResult();
        await turn;
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, _time.PendingTimers);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], sender.Sent.Select(activity => activity.Type));
    }

    [Fact]
    public async Task ProcessActivityAsync_FastTurn_NoTyping()
    {
        _gate.SetResult();
        var sender = new RecordingSender();

        await CreateAdapter().ProcessActivityAsync(Incoming(), sender, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal([ActivityTypes.Message], sender.Sent.Select(activity => activity.Type));
        Assert.Equal(0, _time.PendingTimers);
    }

    [Theory]
    [InlineData(ActivityTypes.Message, DeliveryModes.ExpectReplies)]
    [InlineData(ActivityTypes.Invoke, null)]
    [InlineData(ActivityTypes.Event, null)]
    public async Task ProcessActivityAsync_NoOneWaitsOnTheChannel_NeverTypes(string type, string? deliveryMode)
    {
        var sender = new RecordingSender();
        var incoming = Incoming();
        incoming.Type = type;
        incoming.DeliveryMode = deliveryMode;
        var turn = CreateAdapter().ProcessActivityAsync(incoming, sender, CancellationToken.None);
        await _started.Task;

        Assert.Equal(0, _time.PendingTimers);
        _time.Advance(TimeSpan.FromSeconds(30));
        _gate.SetResult();
        await turn;

        Assert.DoesNotContain(sender.Sent, activity => activity.Type == ActivityTypes.Typing);
    }

    [Fact]
    public async Task ProcessActivityAsync_ExpectRepliesSender_NeverTypes()
    {
        var turn = CreateAdapter().ProcessActivityAsync(Incoming(), ExpectRepliesSender.Instance, CancellationToken.None);
        await _started.Task;

        Assert.Equal(0, _time.PendingTimers);
        _gate.SetResult();
        var outcome = await turn;

        Assert.Equal([ActivityTypes.Message], outcome.Replies.Select(activity => activity.Type));
    }

    [Fact]
    public async Task ProcessActivityAsync_TypingCannotBeSent_RepliesStillDelivered()
    {
        var sender = new TypingRefusingSender();
        var turn = CreateAdapter().ProcessActivityAsync(Incoming(), sender, CancellationToken.None);
        await _started.Task;
        await EventuallyAsync(() => _time.PendingTimers == 1, "the typing clock to start");
        _time.Advance(TimeSpan.FromSeconds(2));
        await EventuallyAsync(() => sender.TypingAttempts == 1, "the typing attempt");

        _gate.SetResult();
        await turn;

        Assert.Equal(["answer"], sender.Delivered.Select(activity => activity.Text));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1.5, 1)]
    [InlineData(11, 3)]
    [InlineData(1.5, 11)]
    public void Validate_OutOfRange_Problem(double typingAfterSeconds, double intervalSeconds)
    {
        var options = new TurnOptions { TypingAfter = TimeSpan.FromSeconds(typingAfterSeconds), TypingInterval = TimeSpan.FromSeconds(intervalSeconds) };

        Assert.Single(options.Validate());
    }

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new TurnOptions().Validate());

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, $"gave up waiting for {what}");
            await Task.Delay(10);
        }
    }

    private static Activity Incoming() => new()
    {
        Type = ActivityTypes.Message,
        Id = "incoming-1",
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://service.example/",
        Conversation = new ConversationAccount { Id = "c1" },
        From = new ChannelAccount { Id = "user-id" },
        Recipient = new ChannelAccount { Id = "bot-id" },
        Text = "hello",
    };

    private BotAdapter CreateAdapter() => new(
        new GatedBot(_started, _gate.Task),
        new MiddlewareSet([]),
        new SilentErrorHandler(),
        new ConversationTurnLocks(),
        new SlowTurnTyping(Options.Create(new TurnOptions()), _time, NullLogger<SlowTurnTyping>.Instance),
        NullLogger<BotAdapter>.Instance);

    private sealed class GatedBot(TaskCompletionSource started, Task gate) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            await gate;
            await turnContext.SendActivityAsync(new Activity { Text = "answer" }, cancellationToken);
        }
    }

    private sealed class SilentErrorHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No turn in these tests should fail.", exception);
    }

    private sealed class TypingRefusingSender : IActivitySender
    {
        private readonly RecordingSender _inner = new();
        private int _typingAttempts;

        public int TypingAttempts => Volatile.Read(ref _typingAttempts);

        public IReadOnlyList<Activity> Delivered => _inner.Sent;

        public Task<ResourceResponse[]> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
        {
            if (activities.Any(activity => activity.Type == ActivityTypes.Typing))
            {
                Interlocked.Increment(ref _typingAttempts);
                throw new HttpRequestException("the channel is down");
            }

            return _inner.SendAsync(activities, cancellationToken);
        }

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) => _inner.UpdateAsync(activity, cancellationToken);

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
            _inner.DeleteAsync(reference, activityId, cancellationToken);
    }
}
