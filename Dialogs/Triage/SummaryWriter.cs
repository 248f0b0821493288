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
        var rows = Rows(summary);
        var text = new StringBuilder();
        text.Append(labels.Title).Append(" (").Append(labels.Disclaimer).Append(')').Append('\n');
        foreach (var (label, value) in rows.Facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append(labels.Symptoms).Append(':').Append('\n');
        foreach (var (label, value) in rows.Symptoms)
        {
            text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
        }

        text.Append(rows.Level.Label).Append(": ").Append(rows.Level.Value);
        return text.ToString();
    }

    /// <summary>The summary as labelled rows, for the plain-text summary and the summary card alike.</summary>
    public SummaryRows Rows(TriageSummary summary)
    {
        var labels = content.Summary;
        var facts = new List<(string Label, string Value)> { (labels.Onset, Onset(summary)) };
        if (summary.Trigger is { } trigger)
        {
            facts.Add((labels.Trigger, labels.TriggerNames.GetValueOrDefault(trigger, trigger)));
        }

        if (summary.Locations.Count > 0)
        {
            facts.Add((labels.Location, string.Join(", ", summary.Locations.Select(l => labels.LocationNames.GetValueOrDefault(l, l)))));
        }

        if (summary.Severity is { } severity)
        {
            facts.Add((labels.Severity, $"{severity}/10"));
        }

        var symptoms = summary.Symptoms.Select(pair => (labels.SymptomNames.GetValueOrDefault(pair.Key, pair.Key), AnswerLabel(pair.Value))).ToList();
        return new SummaryRows(facts, symptoms, (labels.Level, labels.LevelNames.GetValueOrDefault(summary.Level, summary.Level)));
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

/// <summary>A summary's labelled rows: the facts, the symptom answers, and the advice level.</summary>
public sealed record SummaryRows(
    IReadOnlyList<(string Label, string Value)> Facts,
    IReadOnlyList<(string Label, string Value)> Symptoms,
    (string Label, string Value) Level);
