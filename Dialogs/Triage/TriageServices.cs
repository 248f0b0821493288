using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Triage;

/// <summary>What the triage dialogs share: the words, the outcome reporting, and the state they may clear.</summary>
public sealed record TriageServices(
    ReplyBuilder Replies,
    OutcomeReporter Outcomes,
    PhraseMatcher Phrases,
    IObservationSource Observations,
    SummaryWriter Summaries,
    LevelAssessor Levels,
    ConversationState ConversationState,
    UserState UserState,
    IStatePropertyAccessor<TriageFacts> Facts)
{
    public ConversationContent Content => Replies.Content;
}
