using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.FollowUps;

/// <summary>
/// Checks in with a person some time after their triage, if they agreed. The dialogs only ask and record
/// consent; the host keeps the schedule and sends the check-in.
/// </summary>
public interface IFollowUpScheduler
{
    /// <summary>False when follow-ups are switched off; the offer is then never made.</summary>
    bool IsEnabled { get; }

    /// <summary>How long after the triage the check-in comes.</summary>
    TimeSpan Delay { get; }

    /// <summary>Schedules (or re-schedules) the check-in for this conversation.</summary>
    Task ScheduleAsync(ConversationReference conversation, CancellationToken cancellationToken);

    /// <summary>Cancels any check-in pending for this conversation; nothing pending is not an error.</summary>
    Task CancelAsync(ConversationReference conversation, CancellationToken cancellationToken);
}
