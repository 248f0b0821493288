using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.FollowUps;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Dialogs.Triage;
using BackCareBot.Dialogs.Triage.Flow;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.State;

namespace BackCareBot.Dialogs.Bot;

/// <summary>
/// Puts the triage together from its parts once at start-up. The host only supplies state, the recogniser,
/// speech settings, the clock and (optionally) the follow-up schedule, so the conversation never depends on how it is hosted.
/// </summary>
public static class TriageBotComposition
{
    public static TriageBotParts Create(
        ConversationContent content,
        ConversationState conversationState,
        UserState userState,
        IObservationSource observations,
        SpeechSettings speech,
        TimeProvider time,
        IFollowUpScheduler? followUps = null)
    {
        var replies = new ReplyBuilder(content, new MessageFactory(speech), new EmergencyNumberDirectory(content.EmergencyNumbers));
        var levels = new LevelAssessor(content.LevelRules, observations.LevelOf);
        var summaries = new SummaryWriter(content);
        var services = new TriageServices(
            replies,
            new OutcomeReporter(replies, levels, new TipSelector(content.LevelRules), summaries),
            new PhraseMatcher(content),
            observations,
            summaries,
            levels,
            conversationState,
            userState,
            conversationState.CreateProperty("triage", TriageJsonContext.Default.TriageFacts),
            followUps ?? NoFollowUps.Instance);

        var dialogState = conversationState.CreateProperty("dialogs", DialogJsonContext.Default.DialogState);
        var runner = new DialogRunner(new TriageDialog(services), dialogState);
        var flags = conversationState.CreateProperty("conversation", TriageJsonContext.Default.ConversationFlags);
        return new TriageBotParts(
            new TriageBot(services, runner, flags, time),
            new TriageErrorHandler(services, dialogState, time));
    }
}

/// <summary>The bot and its turn error handler, ready to register with the host.</summary>
public sealed record TriageBotParts(IBot Bot, ITurnErrorHandler ErrorHandler);
