using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// Chooses the self-care tips that fit what the person reported: cold early and heat later, stretches for
/// the part of the back that hurts, and advice for the trigger and for bad pain.
/// </summary>
public sealed class TipSelector(LevelRules rules)
{
    private static readonly string[] UpperBack = ["upper_back", "middle_back", "between_shoulder_blades"];

    public IReadOnlyList<string> Select(TriageFacts facts)
    {
        var tips = new List<string>
        {
            facts.OnsetSeconds > rules.HeatAfterSeconds ? "heatLater" : "coldEarly",
            "keepMoving",
            facts.Locations.Any(UpperBack.Contains) && !facts.Locations.Contains("lower_back") ? "stretchesUpper" : "stretchesLower",
        };

        switch (facts.Trigger)
        {
            case "exercise" or "dehydration_heat":
                tips.Add("fluids");
                break;
            case "stress":
                tips.Add("relaxation");
                break;
            case "sitting_driving":
                tips.Add("desk");
                break;
            case "lifting" or "bending" or "twisting":
                tips.Add("lifting");
                break;
        }

        if (facts.Severity >= 7)
        {
            tips.Add("severePain");
        }

        tips.Add("massage");
        tips.Add("medicine");
        return tips;
    }
}
