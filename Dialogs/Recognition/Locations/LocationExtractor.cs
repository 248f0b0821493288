using BackCareBot.Dialogs.Recognition.Context;
using BackCareBot.Dialogs.Recognition.Matching;

namespace BackCareBot.Dialogs.Recognition.Locations;

/// <summary>Where the pain is, as location ids in the order first mentioned; negated places ("no pain in my legs") are left out.</summary>
internal sealed class LocationExtractor(IReadOnlyList<string> ids, ContextAnalyzer context)
{
    public List<string> Extract(Utterance u)
    {
        var found = new List<string>();
        foreach (var m in u.Of(PatternKind.Location))
        {
            var id = ids[m.Index];
            if (found.Contains(id, StringComparer.Ordinal) || Blocked(u, m) || context.IsNegated(u, m.Start, m.End))
            {
                continue;
            }

            found.Add(id);
        }

        return found;
    }

    private static bool Blocked(Utterance u, PhraseMatch m)
    {
        foreach (var blocker in u.Of(PatternKind.LocationBlocker))
        {
            if (blocker.Index == m.Index && blocker.Overlaps(m.Start, m.End))
            {
                return true;
            }
        }

        return false;
    }
}
