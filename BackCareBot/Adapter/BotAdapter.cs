using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;

namespace BackCareBot.Adapter;

/// <summary>
/// Runs one turn for an authenticated activity, whatever channel it came from: one turn per conversation
/// at a time, middleware then the bot, replies held back until the turn's state is saved, the whole turn
/// re-run if another instance saved the same conversation first, and the error handler if it fails.
/// A slow turn shows the person a typing indicator meanwhile (<see cref="SlowTurnTyping"/>).
/// </summary>
internal sealed partial class BotAdapter(
    IBot bot,
    MiddlewareSet middleware,
    ITurnErrorHandler errorHandler,
    ConversationTurnLocks locks,
    SlowTurnTyping typing,
    ILogger<BotAdapter> logger)
{
    private const int MaxAttempts = 3;

    public async Task<TurnOutcome> ProcessActivityAsync(Activity activity, IActivitySender sender, CancellationToken cancellationToken)
    {
        var lockKey = StorageKeys.Conversation(activity.ChannelId, activity.Conversation?.Id) ?? string.Empty;
        using (await locks.AcquireAsync(lockKey, cancellationToken))
        {
            TurnContext turn;
            BufferedActivitySender replies;
            await using (typing.Start(activity, sender, cancellationToken))
            {
                (turn, replies) = await RunTurnAsync(activity, cancellationToken);
            }

            if (replies.Activities.Count > 0)
            {
                await sender.SendAsync(replies.Activities, cancellationToken);
            }

            return new TurnOutcome(replies.Activities, turn.InvokeResponse);
        }
    }

    private async Task<(TurnContext Turn, BufferedActivitySender Replies)> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var buffer = new BufferedActivitySender();
            var turn = new TurnContext(activity, buffer);
            try
            {
                await middleware.RunAsync(turn, bot.OnTurnAsync, cancellationToken);
                return (turn, buffer);
            }
            catch (StorageConflictException) when (attempt < MaxAttempts)
            {
                LogConflictRetry(attempt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogTurnFailed(exception.GetType().Name, activity.Type, activity.ChannelId, exception);
                return await HandleErrorAsync(activity, exception, buffer.Activities, cancellationToken);
            }
        }
    }

    // The failed attempt's half-finished replies are not delivered: its state was not saved, so they may not
    // match what the conversation remembers. The handler answers afresh, seeing them (FailedAttempt), and it is
    // the handler's job to give the emergency advice when the message or the failed attempt called for it.
    private async Task<(TurnContext Turn, BufferedActivitySender Replies)> HandleErrorAsync(
        Activity activity, Exception exception, IReadOnlyList<Activity> failedReplies, CancellationToken cancellationToken)
    {
        var buffer = new BufferedActivitySender();
        var turn = new TurnContext(activity, buffer);
        FailedAttempt.Attach(turn, failedReplies);
        try
        {
            await errorHandler.OnTurnErrorAsync(turn, exception, cancellationToken);
        }
        catch (Exception handlerException) when (handlerException is not OperationCanceledException)
        {
            LogErrorHandlerFailed(handlerException.GetType().Name, handlerException);
        }

        return (turn, buffer);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Turn lost a state race on attempt {Attempt}; running it again")]
    private partial void LogConflictRetry(int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Turn failed with {ExceptionType} (activity type {ActivityType}, channel {ChannelId})")]
    private partial void LogTurnFailed(string exceptionType, string? activityType, string? channelId, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical, Message = "The turn error handler itself failed with {ExceptionType}")]
    private partial void LogErrorHandlerFailed(string exceptionType, Exception exception);
}
