using BackCareBot.Dialogs.Messages;
using BackCareBot.Dialogs.Teams;
using BackCareBot.Protocol.Schema;
using BackCareBot.Protocol.State;
using Microsoft.Extensions.Options;

namespace BackCareBot.FollowUps;

/// <summary>
/// Sends the check-ins that are due: "how is your back?", with the offer to go through the questions again.
/// A check-in that fails is tried again later, a few times, then dropped.
/// </summary>
internal sealed partial class FollowUpDispatcher(
    FollowUpStore store,
    ProactiveRouter senders,
    ReplyBuilder replies,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<FollowUpDispatcher> logger)
{
    public const string CheckInKey = "followUpCheckIn";

    /// <returns>How many check-ins were sent.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var record in await store.ClaimDueAsync(time.GetUtcNow(), cancellationToken))
        {
            if (await TrySendAsync(record, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TrySendAsync(FollowUpRecord record, CancellationToken cancellationToken)
    {
        var tag = KeyHash.Of(FollowUpStore.KeyFor(record.Conversation));
        try
        {
            await senders.SendAsync(record.Conversation, CheckIn(record.Conversation), cancellationToken);
            await store.CompleteAsync(record, cancellationToken);
            LogSent(tag);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempts = record.Attempts + 1;
            if (attempts >= options.Value.MaxAttempts)
            {
                await store.CompleteAsync(record, cancellationToken);
                LogDropped(tag, attempts, exception.GetType().Name, exception);
            }
            else
            {
                await store.SaveAsync(record with { Attempts = attempts, DueAt = time.GetUtcNow() + options.Value.RetryDelay }, cancellationToken);
                LogRetrying(tag, attempts, exception.GetType().Name, exception);
            }

            return false;
        }
    }

    private Activity CheckIn(ConversationReference conversation)
    {
        var text = replies.Say(CheckInKey, conversation.Locale);
        var activity = conversation.CreateActivity();
        activity.Text = text.Text;
        activity.Speak = text.Speak;
        activity.InputHint = text.InputHint;
        if (activity.ChannelId == Channels.MsTeams)
        {
            TeamsReplyMiddleware.Shape(activity);
        }

        return activity;
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Sent follow-up {Tag}")]
    private partial void LogSent(string tag);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Follow-up {Tag} failed (attempt {Attempts}) with {ExceptionType}; will try again")]
    private partial void LogRetrying(string tag, int attempts, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Follow-up {Tag} failed {Attempts} times with {ExceptionType}; dropped")]
    private partial void LogDropped(string tag, int attempts, string exceptionType, Exception exception);
}
