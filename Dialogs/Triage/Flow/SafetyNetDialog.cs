using BackCareBot.Dialogs.Engine;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// The base of the triage: it sees every message before whatever step is active (a question, a retry, a
/// confirmation, or nothing at all after an outcome). An emergency red flag ends everything at once with the
/// emergency advice; commands are answered; questions about red flags get a clear answer; and what the
/// person told us is confirmed before the step carries on.
/// </summary>
public abstract class SafetyNetDialog(string id, TriageServices services) : ComponentDialog(id)
{
    protected TriageServices Services { get; } = services;

    protected sealed override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        await InterruptAsync(innerDc, starting: true, cancellationToken)
        ?? await OnStartAsync(innerDc, options, cancellationToken);

    protected sealed override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        await InterruptAsync(innerDc, starting: false, cancellationToken)
        ?? await base.OnContinueDialogAsync(innerDc, cancellationToken);

    /// <summary>Starts the component once the message has passed the safety net.</summary>
    protected virtual Task<DialogTurnResult> OnStartAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken) =>
        base.OnBeginDialogAsync(innerDc, options, cancellationToken);

    /// <summary>Restarts the triage from the first question.</summary>
    protected abstract Task<DialogTurnResult> RestartAsync(DialogContext innerDc, CancellationToken cancellationToken);

    /// <returns>The turn's result when the interruption handled the message; null to let the active step have it.</returns>
    private async Task<DialogTurnResult?> InterruptAsync(DialogContext innerDc, bool starting, CancellationToken cancellationToken)
    {
        var context = innerDc.Context;
        if (context.Activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        var turn = TriageTurn.Of(context);
        var locale = context.Activity.Locale;

        // Safety first: nothing below, and no step, runs before the emergency advice.
        if (turn.Observation.IsEmergency)
        {
            return await Services.EndInEmergencyAsync(innerDc, turn.Facts, cancellationToken);
        }

        // Something said after the advice can raise the level (a cancer history after self-care tips, during
        // the check-in offer or later): the person gets the advice for the new level, not a reminder to start over.
        if (turn.Facts.Outcome is { } reported && Services.Levels.Assess(turn.Facts).Level > reported)
        {
            await Services.Outcomes.ReportAsync(context, turn.Facts, cancellationToken);
            return await innerDc.CancelAllDialogsAsync(cancellationToken);
        }

        switch (turn.Command)
        {
            case TriageCommand.Restart:
                turn.Facts = new TriageFacts();
                await Services.Facts.SetAsync(context, turn.Facts, cancellationToken);
                await context.SendActivityAsync(Services.Replies.Say("restarting", locale), cancellationToken);
                innerDc.Clear();
                return await RestartAsync(innerDc, cancellationToken);
            case TriageCommand.Cancel:
                return await Services.EndEarlyAsync(innerDc, turn.Facts, Services.Replies.Say("cancelled", locale), cancellationToken);
            case TriageCommand.ForgetMe:
                return await innerDc.BeginDialogAsync(DialogIds.ForgetMe, cancellationToken: cancellationToken);
            case TriageCommand.Help:
                await context.SendActivityAsync(Services.Replies.Say("help", locale), cancellationToken);
                return await ResumeAsync(innerDc, starting, turn, cancellationToken);
            case TriageCommand.Tips:
                await context.SendActivityAsync(Services.Outcomes.GeneralTips(turn.Facts, context.Activity.ChannelId, locale), cancellationToken);
                return await ResumeAsync(innerDc, starting, turn, cancellationToken);
            case TriageCommand.Emergency:
                await context.SendActivityAsync(Services.Replies.Insist("emergencyCommand", locale), cancellationToken);
                return await ResumeAsync(innerDc, starting, turn, cancellationToken);
            case TriageCommand.WhatDoYouKnow:
                await context.SendActivityAsync(WhatIKnow(turn.Facts, locale), cancellationToken);
                return await ResumeAsync(innerDc, starting, turn, cancellationToken);
        }

        if (turn.Observation.HypotheticalFlags.Count > 0)
        {
            await context.SendActivityAsync(Services.Replies.Say("hypotheticalAnswer", locale), cancellationToken);

            // A question that answers nothing should not cost the person one of the current question's retries.
            if (turn.Merged.Filled.Count == 0 && turn.Observation.AffirmedFlags.Count == 0)
            {
                return await ResumeAsync(innerDc, starting, turn, cancellationToken);
            }
        }

        if (turn.Merged.Corrected)
        {
            await context.SendActivityAsync(Services.Replies.Say("correctionNoted", locale), cancellationToken);
        }
        else if (turn.Merged.Filled.Count >= 2)
        {
            await context.SendActivityAsync(Understood(turn, locale), cancellationToken);
        }

        return null;
    }

    // After answering a command, ask the pending question again; at the start, go on to the first question.
    private static async Task<DialogTurnResult?> ResumeAsync(DialogContext innerDc, bool starting, TriageTurn turn, CancellationToken cancellationToken)
    {
        if (starting)
        {
            return turn.Facts.Outcome is null ? null : new DialogTurnResult(DialogTurnStatus.Complete);
        }

        await innerDc.RepromptDialogAsync(cancellationToken);
        return DialogTurnResult.Waiting;
    }

    private Activity WhatIKnow(TriageFacts facts, string? locale)
    {
        if (facts.IsEmpty)
        {
            return Services.Replies.Say("whatIKnowNothing", locale);
        }

        var summary = Services.Summaries.Write(Services.Summaries.Build(facts, Services.Levels.Assess(facts)));
        return Services.Replies.Say("whatIKnow", locale, new Dictionary<string, string> { ["facts"] = summary });
    }

    private Activity Understood(TriageTurn turn, string? locale)
    {
        var facts = turn.Facts;
        var content = Services.Content;
        var parts = new List<string>();
        foreach (var slot in turn.Merged.Filled)
        {
            var phrase = slot switch
            {
                Slot.OnsetTime when facts.OnsetSeconds is { } seconds => Fill("understoodFactOnsetAgo", "duration", new DurationWords(content.Summary).Say(seconds)),
                Slot.OnsetHow when facts.Trigger is { } trigger => Fill("understoodFactTrigger", "trigger", content.Summary.TriggerNames.GetValueOrDefault(trigger, trigger)),
                Slot.Location => Fill("understoodFactLocation", "location", string.Join(", ", facts.Locations.Select(l => content.Summary.LocationNames.GetValueOrDefault(l, l)))),
                Slot.Severity when facts.Severity is { } severity => Fill("understoodFactSeverity", "severity", severity.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                _ => null,
            };
            if (phrase is not null)
            {
                parts.Add(phrase);
            }
        }

        return Services.Replies.Say("understood", locale, new Dictionary<string, string> { ["facts"] = string.Join("; ", parts) });

        string Fill(string key, string name, string value) =>
            content.Message(key).Text.Replace("{" + name + "}", value, StringComparison.Ordinal);
    }
}
