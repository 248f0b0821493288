using System.Text;
using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Triage;

/// <summary>Builds the end-of-triage summary: structured for the trace, and as plain lines to show a clinician.</summary>
public sealed class SummaryWriter(ConversationContent content)
{
    private readonly DurationWords _durations = new(content.Summary);

    public TriageSummary Build(TriageFacts facts, LevelAssessment assessment)
    {
        var symptoms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in content.SymptomQuestions)
        {
            symptoms[question.Id] = facts.SymptomAnswers.TryGetValue(question.Id, out var answer)
                ? answer switch { SymptomAnswer.Yes => "yes", SymptomAnswer.No => "no", _ => "not_sure" }
                : facts.RedFlags.Contains(question.Flag) ? "yes" : facts.DeniedFlags.Contains(question.Flag) ? "no" : "not_asked";
        }

        return new TriageSummary(
            facts.OnsetSeconds,
            facts.EpisodeSeconds,
            facts.Pace,
            facts.Trigger,
            [.. facts.Locations],
            facts.Severity,
            symptoms,
            assessment.Level.Name(),
            [.. facts.RedFlags]);
    }

    public string Write(TriageSummary summary)
    {
        var labels = content.Summary;
        var text = new StringBuilder();
        text.Append(labels.Title).Append(" (").Append(labels.Disclaimer).Append(')').Append('\n');
        text.Append(labels.Onset).Append(": ").Append(Onset(summary)).Append('\n');
        if (summary.Trigger is { } trigger)
        {
            text.Append(labels.Trigger).Append(": ").Append(labels.TriggerNames.GetValueOrDefault(trigger, trigger)).Append('\n');
        }

        if (summary.Locations.Count > 0)
        {
            text.Append(labels.Location).Append(": ")
                .AppendJoin(", ", summary.Locations.Select(l => labels.LocationNames.GetValueOrDefault(l, l))).Append('\n');
        }

        if (summary.Severity is { } severity)
        {
            text.Append(labels.Severity).Append(": ").Append(severity).Append("/10").Append('\n');
        }

        text.Append(labels.Symptoms).Append(':').Append('\n');
        foreach (var (id, answer) in summary.Symptoms)
        {
            text.Append("- ").Append(labels.SymptomNames.GetValueOrDefault(id, id)).Append(": ").Append(AnswerLabel(answer)).Append('\n');
        }

        text.Append(labels.Level).Append(": ").Append(labels.LevelNames.GetValueOrDefault(summary.Level, summary.Level));
        return text.ToString();
    }

    /// <summary>The facts understood so far, as a short phrase list ("it started 2 days ago, it's in your lower back").</summary>
    public string Onset(TriageSummary summary)
    {
        var labels = content.Summary;
        var parts = new List<string>();
        parts.Add(summary.OnsetSeconds is { } seconds ? labels.Ago.Replace("{duration}", _durations.Say(seconds), StringComparison.Ordinal) : labels.OnsetUnknown);
        if (summary.Pace is "sudden")
        {
            parts.Add(labels.PaceSudden);
        }
        else if (summary.Pace is "gradual")
        {
            parts.Add(labels.PaceGradual);
        }

        if (summary.EpisodeSeconds is { } episode)
        {
            parts.Add(labels.Episode.Replace("{duration}", _durations.Say(episode), StringComparison.Ordinal));
        }

        return string.Join(", ", parts);
    }

    private string AnswerLabel(string answer) => answer switch
    {
        "yes" => content.Summary.Yes,
        "no" => content.Summary.No,
        "not_sure" => content.Summary.NotSure,
        _ => content.Summary.NotAsked,
    };
}
