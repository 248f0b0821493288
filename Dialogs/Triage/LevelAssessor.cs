using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// Applies the clinical guidance's level rules to what the person reported: the most urgent red flag
/// decides, and the knowledge file's extra rules (a long-lasting spasm, pain spreading into a leg) can
/// raise a self-care outcome to "see your doctor". Nothing here ever lowers a level.
/// </summary>
public sealed class LevelAssessor(LevelRules rules, Func<string, TriageLevel> levelOfFlag)
{
    public const string LongDurationFlag = "long_duration";
    public const string RadiatingPainFlag = "radiating_pain";

    public LevelAssessment Assess(TriageFacts facts)
    {
        var reasons = new List<(string Id, TriageLevel Level)>();
        foreach (var flag in facts.RedFlags)
        {
            reasons.Add((flag, levelOfFlag(flag)));
        }

        if (facts.OnsetSeconds > rules.GpWhenOnsetLongerThanSeconds)
        {
            reasons.Add((LongDurationFlag, TriageLevel.Gp));
        }

        if (facts.Locations.Any(rules.GpWhenSpreadsTo.Contains) && !facts.RedFlags.Contains(RadiatingPainFlag))
        {
            reasons.Add((RadiatingPainFlag, TriageLevel.Gp));
        }

        if (reasons.Count == 0)
        {
            return new LevelAssessment(TriageLevel.SelfCare, []);
        }

        var level = reasons.Max(r => r.Level);
        return new LevelAssessment(level, [.. reasons.Where(r => r.Level == level).Select(r => r.Id).Distinct()]);
    }
}
