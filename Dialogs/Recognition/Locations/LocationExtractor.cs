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
            if (found.Contains(id, StringComparer.Ordinal) || u.AnyOverlapping(PatternKind.LocationBlocker, m.Start, m.End, m.Index) || context.IsNegated(u, m.Start, m.End))
            {
                continue;
            }

            found.Add(id);
        }

        return found;
    }
}
