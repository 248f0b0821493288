using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.FollowUps;

/// <summary>For hosts without a follow-up schedule: the offer is never made and there is nothing to cancel.</summary>
public sealed class NoFollowUps : IFollowUpScheduler
{
    public static NoFollowUps Instance { get; } = new();

    public bool IsEnabled => false;

    public TimeSpan Delay => TimeSpan.Zero;

    public Task ScheduleAsync(ConversationReference conversation, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Follow-ups are switched off; the offer should not have been made.");

    public Task CancelAsync(ConversationReference conversation, CancellationToken cancellationToken) => Task.CompletedTask;
}
