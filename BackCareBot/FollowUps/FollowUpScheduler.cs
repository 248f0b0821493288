using BackCareBot.Dialogs.FollowUps;
using BackCareBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace BackCareBot.FollowUps;

/// <summary>The host's side of <see cref="IFollowUpScheduler"/>: records the check-in in the store, due after the configured delay.</summary>
internal sealed class FollowUpScheduler(FollowUpStore store, IOptions<FollowUpOptions> options, TimeProvider time) : IFollowUpScheduler
{
    public bool IsEnabled => options.Value.Enabled;

    public TimeSpan Delay => options.Value.Delay;

    public Task ScheduleAsync(ConversationReference conversation, CancellationToken cancellationToken) =>
        store.SaveAsync(new FollowUpRecord(FollowUpRecord.Minimal(conversation), time.GetUtcNow() + Delay), cancellationToken);

    public Task CancelAsync(ConversationReference conversation, CancellationToken cancellationToken) =>
        store.DeleteAsync(conversation, cancellationToken);
}
