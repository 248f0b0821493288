using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The one way a triage dialog ends in the emergency advice, wherever it was: the advice goes out, no
/// question stays pending, and every dialog is cancelled so nothing is asked after it.
/// </summary>
internal static class EmergencyEnding
{
    public static async Task<DialogTurnResult> EndInEmergencyAsync(this TriageServices services, DialogContext dc, TriageFacts facts, CancellationToken cancellationToken)
    {
        facts.PendingQuestion = null;
        await services.Outcomes.SendEmergencyAsync(dc.Context, facts, cancellationToken);
        return await dc.CancelAllDialogsAsync(cancellationToken);
    }
}
