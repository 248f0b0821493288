using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.FollowUps;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Triage;

/// <summary>What the triage dialogs share: the words, the outcome reporting, the state they may clear, and the follow-up schedule.</summary>
public sealed record TriageServices(
    ReplyBuilder Replies,
    OutcomeReporter Outcomes,
    PhraseMatcher Phrases,
    IObservationSource Observations,
    SummaryWriter Summaries,
    LevelAssessor Levels,
    ConversationState ConversationState,
    UserState UserState,
    IStatePropertyAccessor<TriageFacts> Facts,
    IFollowUpScheduler FollowUps)
{
    public ConversationContent Content => Replies.Content;
}
