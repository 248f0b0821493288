using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BackCareBot.Adapter;

/// <summary>
/// Shows the person that the bot is working when a turn runs long. Teams gives a bot about 15 seconds to
/// answer a message's HTTP request before it treats the bot as unresponsive, and the person sees nothing
/// at all until the replies arrive. A turn that calls the cloud recogniser, waits on a busy state store or
/// retries a throttled connector can take seconds, so after a short pause (well inside that limit) the
/// person sees the bot typing, renewed about as often as a channel shows one indicator for, until the
/// replies go out. Typing goes straight to the channel rather than into the turn's reply buffer: it says
/// nothing about the conversation's state, so it cannot contradict a re-run turn, and holding it back
/// would defeat it.
/// </summary>
internal sealed partial class SlowTurnTyping(IOptions<TurnOptions> options, TimeProvider time, ILogger<SlowTurnTyping> logger)
{
    /// <summary>Starts the indicator's clock for a turn; disposing it stops the indicator before the replies go out.</summary>
    public IAsyncDisposable Start(Activity activity, IActivitySender sender, CancellationToken cancellationToken) =>
        ShouldType(activity, sender)
            ? new Indicator(this, options.Value, time, activity, sender, cancellationToken)
            : NoIndicator.Instance;

    // expectReplies and invoke answers travel in the HTTP response, which has no room for a typing
    // activity; other activity types (events, reactions) leave nobody waiting for an answer.
    private static bool ShouldType(Activity activity, IActivitySender sender) =>
        sender is not ExpectRepliesSender
        && activity.DeliveryMode != DeliveryModes.ExpectReplies
        && activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate;

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "A typing indicator could not be sent ({ExceptionType}); the turn carries on without one")]
    private partial void LogTypingFailed(string exceptionType);

    private sealed class Indicator : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _running;

        public Indicator(SlowTurnTyping owner, TurnOptions settings, TimeProvider time, Activity activity, IActivitySender sender, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _running = RunAsync(owner, settings, time, activity, sender, _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            // Waits for a typing activity already on its way, so none can arrive after the replies.
            await _stop.CancelAsync();
            await _running;
            _stop.Dispose();
        }

        private static async Task RunAsync(
            SlowTurnTyping owner, TurnOptions settings, TimeProvider time, Activity activity, IActivitySender sender, CancellationToken stop)
        {
            try
            {
                await Task.Delay(settings.TypingAfter, time, stop);
                while (true)
                {
                    await sender.SendAsync([activity.CreateReply(ActivityTypes.Typing)], stop);
                    await Task.Delay(settings.TypingInterval, time, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                owner.LogTypingFailed(exception.GetType().Name);
            }
        }
    }

    private sealed class NoIndicator : IAsyncDisposable
    {
        public static NoIndicator Instance { get; } = new();

        public ValueTask DisposeAsync() => default;
    }
}
