using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The ways a triage dialog ends before its last question, wherever it was. Each sends its advice, leaves no
/// question pending, and cancels every dialog so nothing is asked after it.
/// </summary>
internal static class TriageEndings
{
    public static async Task<DialogTurnResult> EndInEmergencyAsync(this TriageServices services, DialogContext dc, TriageFacts facts, CancellationToken cancellationToken)
    {
        facts.PendingQuestion = null;
        await services.Outcomes.SendEmergencyAsync(dc.Context, facts, cancellationToken);
        return await dc.CancelAllDialogsAsync(cancellationToken);
    }

    /// <summary>
    /// Stopping early ("cancel", or answers not understood): someone who already named an urgent sign still gets
    /// that advice ("see a doctor today"), firmer than <paramref name="otherwise"/>, which everyone else gets.
    /// </summary>
    public static async Task<DialogTurnResult> EndEarlyAsync(this TriageServices services, DialogContext dc, TriageFacts facts, Activity otherwise, CancellationToken cancellationToken)
    {
        facts.PendingQuestion = null;
        if (facts.Outcome is null && services.Levels.Assess(facts).Level >= TriageLevel.Urgent)
        {
            await services.Outcomes.ReportAsync(dc.Context, facts, cancellationToken);
        }
        else
        {
            await dc.Context.SendActivityAsync(otherwise, cancellationToken);
        }

        return await dc.CancelAllDialogsAsync(cancellationToken);
    }
}
