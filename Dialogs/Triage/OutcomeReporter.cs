using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackCareBot.Dialogs.Cards;
using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// Ends a triage: the advice for its level, tailored tips where home care fits, when to get help, the
/// summary to show a clinician, and the machine-readable "triage.outcome" trace. The emergency outcome is
/// the advice alone, so nothing can bury it.
/// </summary>
public sealed class OutcomeReporter(ReplyBuilder replies, LevelAssessor assessor, TipSelector tips, SummaryWriter summaries)
{
    public const string TraceName = "triage.outcome";

    private ConversationContent Content => replies.Content;

    public async Task<LevelAssessment> ReportAsync(ITurnContext turn, TriageFacts facts, CancellationToken cancellationToken)
    {
        var assessment = assessor.Assess(facts);
        facts.Outcome = assessment.Level;
        if (assessment.Level == TriageLevel.Emergency)
        {
            await SendEmergencyAsync(turn, facts, assessment, cancellationToken);
            return assessment;
        }

        var locale = turn.Activity.Locale;
        var reasons = new Dictionary<string, string> { ["reasons"] = ReasonList(assessment.Reasons) };
        var outgoing = new List<Activity> { replies.Say(assessment.Level.Name(), locale, reasons) };
        if (assessment.Level == TriageLevel.Urgent && facts.RedFlags.Contains("pregnancy"))
        {
            outgoing.Add(replies.Say("urgentPregnancy", locale));
        }

        if (assessment.Level is TriageLevel.SelfCare or TriageLevel.Gp)
        {
            outgoing.Add(TipsMessage(tips.Select(facts).Append("prevention"), turn.Activity.ChannelId, locale));
        }

        outgoing.Add(Combine(["whenToGetHelp", "notADoctor"], locale));
        var summary = summaries.Build(facts, assessment);
        outgoing.Add(SummaryMessage(summary, turn.Activity.ChannelId, locale));

        // A call ends with the advice: offering to start over would only keep someone on the line.
        var phoneCall = PhoneCall.IsPhoneCall(turn.Activity);
        outgoing.Add(replies.Say(phoneCall ? "goodbyeCall" : "afterOutcome", locale));
        outgoing.Add(Trace(summary, assessment));
        if (phoneCall)
        {
            outgoing.Add(PhoneCall.HangUp());
        }

        await turn.SendActivitiesAsync(outgoing, cancellationToken);
        return assessment;
    }

    /// <summary>
    /// The emergency advice, first and alone, then the trace (which only developer channels see); a phone call is
    /// then ended, so the line is free to call the emergency number.
    /// </summary>
    public async Task SendEmergencyAsync(ITurnContext turn, TriageFacts facts, CancellationToken cancellationToken)
    {
        var assessment = assessor.Assess(facts);
        facts.Outcome = TriageLevel.Emergency;
        await SendEmergencyAsync(turn, facts, assessment with { Level = TriageLevel.Emergency }, cancellationToken);
    }

    /// <summary>The general tips, for the "tips" command.</summary>
    public Activity GeneralTips(TriageFacts facts, string? channelId, string? locale) =>
        TipsMessage(tips.Select(facts).Append("prevention"), channelId, locale, introKey: "tipsCommand");

    private async Task SendEmergencyAsync(ITurnContext turn, TriageFacts facts, LevelAssessment assessment, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<string, string> { ["reasons"] = ReasonList(assessment.Reasons) };
        var summary = summaries.Build(facts, assessment);
        var advice = replies.Insist("emergency", turn.Activity.Locale, reasons);
        advice.ChannelData = EmergencyMarker.ChannelData(replies.EmergencyNumbers.Find(turn.Activity.Locale));
        List<Activity> outgoing = [advice, Trace(summary, assessment)];
        if (PhoneCall.IsPhoneCall(turn.Activity))
        {
            outgoing.Add(PhoneCall.HangUp());
        }

        await turn.SendActivitiesAsync(outgoing, cancellationToken);
    }

    private Activity TipsMessage(IEnumerable<string> tipKeys, string? channelId, string? locale, string? introKey = null)
    {
        var text = new StringBuilder();
        var speak = new StringBuilder();
        var card = new List<JsonNode>();
        string? introText = null;
        if (introKey is not null)
        {
            (introText, var introSpeak) = replies.Fill(Content.Message(introKey), locale, null);
            text.Append(introText).Append('\n');
            speak.Append(introSpeak).Append(' ');
            card.Add(AdaptiveCardBuilder.Heading(introText));
        }

        var tipTexts = new List<string>();
        foreach (var key in tipKeys)
        {
            var (tipText, tipSpeak) = replies.Fill(Content.Tip(key), locale, null);
            text.Append("- ").Append(tipText).Append('\n');
            speak.Append(tipSpeak).Append(' ');
            tipTexts.Add(tipText);
        }

        card.Add(AdaptiveCardBuilder.Bullets(tipTexts));

        // Where the card is shown, the text only names it, so the tips do not appear twice.
        var spoken = speak.ToString().TrimEnd();
        var shown = ChannelCapabilities.ShowsAdaptiveCards(channelId)
            ? introText ?? replies.Fill(Content.Message("tipsHeading"), locale, null).Text
            : text.ToString().TrimEnd();
        var message = replies.Say(new Line(shown, spoken), locale);
        message.Attachments = [AdaptiveCardBuilder.Attachment(AdaptiveCardBuilder.Card(spoken, card))];
        return message;
    }

    private Activity Combine(IEnumerable<string> keys, string? locale)
    {
        var parts = keys.Select(key => replies.Fill(Content.Message(key), locale, null)).ToList();
        return replies.Say(new Line(string.Join(' ', parts.Select(p => p.Text)), string.Join(' ', parts.Select(p => p.Speak))), locale);
    }

    private Activity SummaryMessage(TriageSummary summary, string? channelId, string? locale)
    {
        var (introText, introSpeak) = replies.Fill(Content.Message("summaryIntro"), locale, null);
        var text = ChannelCapabilities.ShowsAdaptiveCards(channelId) ? introText : $"{introText}\n\n{summaries.Write(summary)}";
        var message = replies.Say(new Line(text, introSpeak), locale);
        var rows = summaries.Rows(summary);
        var labels = Content.Summary;
        var card = AdaptiveCardBuilder.Card(introSpeak,
        [
            AdaptiveCardBuilder.Heading(labels.Title),
            AdaptiveCardBuilder.Paragraph(labels.Disclaimer, subtle: true),
            AdaptiveCardBuilder.Facts(rows.Facts),
            AdaptiveCardBuilder.Paragraph(labels.Symptoms),
            AdaptiveCardBuilder.Facts(rows.Symptoms),
            AdaptiveCardBuilder.Facts([rows.Level]),
        ]);
        message.Attachments = [AdaptiveCardBuilder.Attachment(card)];
        return message;
    }

    private string ReasonList(IReadOnlyList<string> reasons)
    {
        var names = reasons.Select(Content.RedFlagName).ToList();
        return names.Count switch
        {
            0 => string.Empty,
            1 => names[0],
            _ => $"{string.Join(", ", names.Take(names.Count - 1))} {Content.Summary.And} {names[^1]}",
        };
    }

    private static Activity Trace(TriageSummary summary, LevelAssessment assessment) => new()
    {
        Type = ActivityTypes.Trace,
        Name = TraceName,
        Label = "Triage outcome",
        ValueType = "https://backcarebot.example/schemas/triage-outcome",
        Value = JsonSerializer.SerializeToElement(
            new TriageOutcomeTrace(assessment.Level.Name(), summary.RedFlags, summary),
            TriageTraceJsonContext.Default.TriageOutcomeTrace),
    };
}
