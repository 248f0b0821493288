using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Onset;

/// <summary>
/// How the pain began: the first pace word ("suddenly", "gradually") and the trigger. An accident, fall or
/// blow is the trigger exactly when the trauma red flag is affirmed, so the two never disagree; otherwise the
/// first trigger mentioned counts.
/// </summary>
internal sealed class OnsetExtractor(IReadOnlyList<string> paceIds, IReadOnlyList<string> triggerIds, string traumaId, ContextAnalyzer context)
{
    public OnsetInfo? Extract(Utterance u, bool traumaAffirmed)
    {
        string? pace = null;
        foreach (var m in u.Of(PatternKind.Pace))
        {
            if (context.Classify(u, m.Start, m.End, historyCounts: false) is null)
            {
                pace = paceIds[m.Index];
                break;
            }
        }

        var trigger = traumaAffirmed ? traumaId : null;
        foreach (var m in u.Of(PatternKind.Trigger))
        {
            if (trigger is not null)
            {
                break;
            }

            if (u.AnyOverlapping(PatternKind.TriggerBlocker, m.Start, m.End, m.Index) || context.Classify(u, m.Start, m.End, historyCounts: false) is not null)
            {
                continue;
            }

            trigger = triggerIds[m.Index];
        }

        return pace is null && trigger is null ? null : new OnsetInfo(pace, trigger);
    }
}
