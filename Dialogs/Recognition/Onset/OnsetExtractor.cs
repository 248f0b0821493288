using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Onset;

/// <summary>
/// How the pain began: the first pace word ("suddenly", "gradually") and the trigger. An accident, fall or
/// blow wins over any other trigger because it is a red flag; otherwise the first trigger mentioned counts.
/// </summary>
internal sealed class OnsetExtractor(IReadOnlyList<string> paceIds, IReadOnlyList<string> triggerIds, string traumaId, ContextAnalyzer context)
{
    public OnsetInfo? Extract(Utterance u)
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

        string? trigger = null;
        foreach (var m in u.Of(PatternKind.Trigger))
        {
            if (Blocked(u, m) || context.Classify(u, m.Start, m.End, historyCounts: false) is not null)
            {
                continue;
            }

            var id = triggerIds[m.Index];
            if (id == traumaId)
            {
                trigger = id;
                break;
            }

            trigger ??= id;
        }

        return pace is null && trigger is null ? null : new OnsetInfo(pace, trigger);
    }

    private static bool Blocked(Utterance u, PhraseMatch m)
    {
        foreach (var blocker in u.Of(PatternKind.TriggerBlocker))
        {
            if (blocker.Index == m.Index && blocker.Overlaps(m.Start, m.End))
            {
                return true;
            }
        }

        return false;
    }
}
