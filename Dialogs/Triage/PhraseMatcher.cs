using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Engine;

namespace BackCareBot.Dialogs.Triage;

/// <summary>
/// Recognises whole-message commands and short answers from the content file's phrase lists. Only the
/// whole message counts, so "how do I stop it hurting" is not the "stop" command.
/// </summary>
public sealed class PhraseMatcher
{
    private readonly Dictionary<string, TriageCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _answers = new(StringComparer.Ordinal);

    // The same phrases with a space either side, made once: Mentions looks for whole words on every answer.
    private readonly Dictionary<string, string[]> _spacedAnswers = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _legFlags;

    public PhraseMatcher(ConversationContent content)
    {
        _legFlags = content.LegDetailFlags;
        foreach (var (key, phrases) in content.Commands)
        {
            var command = key switch
            {
                "help" => TriageCommand.Help,
                "restart" => TriageCommand.Restart,
                "cancel" => TriageCommand.Cancel,
                "whatDoYouKnow" => TriageCommand.WhatDoYouKnow,
                "forgetMe" => TriageCommand.ForgetMe,
                "tips" => TriageCommand.Tips,
                "emergency" => TriageCommand.Emergency,
                _ => throw new InvalidDataException($"The content names an unknown command \"{key}\"."),
            };
            foreach (var phrase in phrases)
            {
                _commands[PromptText.Normalize(phrase)] = command;
            }
        }

        foreach (var (key, phrases) in content.Answers)
        {
            _answers[key] = [.. phrases.Select(PromptText.Normalize)];
            _spacedAnswers[key] = [.. _answers[key].Select(phrase => $" {phrase} ")];
        }
    }

    public TriageCommand Command(string? text)
    {
        var normalized = WithoutPoliteness(PromptText.Normalize(text));
        return _commands.GetValueOrDefault(normalized, TriageCommand.None);
    }

    /// <summary>True when the whole message is one of the phrases listed under <paramref name="answerKey"/>.</summary>
    public bool IsAnswer(string? text, string answerKey) =>
        _answers.TryGetValue(answerKey, out var phrases) && phrases.Contains(WithoutPoliteness(PromptText.Normalize(text)));

    /// <summary>True when any phrase listed under <paramref name="answerKey"/> appears in the message as whole words.</summary>
    public bool Mentions(string? text, string answerKey)
    {
        if (!_spacedAnswers.TryGetValue(answerKey, out var phrases))
        {
            return false;
        }

        var normalized = $" {WithoutPoliteness(PromptText.Normalize(text))} ";
        foreach (var phrase in phrases)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which leg red flag a reply to the leg question names; both legs is checked first as the most serious.</summary>
    public string? LegFlag(string? text) =>
        Mentions(text, "legBoth") ? _legFlags[2]
        : Mentions(text, "legWeak") ? _legFlags[0]
        : Mentions(text, "legOne") ? _legFlags[1]
        : null;

    /// <summary>
    /// Reads a yes, no or not-sure answer from the start of a message ("yeah sometimes", "no not at all"):
    /// the longest listed phrase the message starts with wins, so "not sure" is not read as "no". A "no" that goes
    /// on to talk about feeling or control ("I haven't felt them properly") is no answer, so the question is asked again.
    /// </summary>
    public SymptomAnswer? YesNo(string? text)
    {
        var answer = StartingAnswer(text);
        return answer == SymptomAnswer.No && Mentions(text, "unclearAfterNo") && !Mentions(text, "clearAfterNo") ? null : answer;
    }

    private SymptomAnswer? StartingAnswer(string? text)
    {
        var normalized = WithoutPoliteness(PromptText.Normalize(text));
        SymptomAnswer? best = null;
        var bestLength = 0;
        foreach (var (key, answer) in (ReadOnlySpan<(string, SymptomAnswer)>)[("yes", SymptomAnswer.Yes), ("no", SymptomAnswer.No), ("notSure", SymptomAnswer.NotSure)])
        {
            foreach (var phrase in _answers[key])
            {
                var starts = normalized.StartsWith(phrase, StringComparison.Ordinal)
                    && (normalized.Length == phrase.Length || normalized[phrase.Length] == ' ');
                if (starts && phrase.Length > bestLength)
                {
                    best = answer;
                    bestLength = phrase.Length;
                }
            }
        }

        return best;
    }

    private static string WithoutPoliteness(string normalized)
    {
        foreach (var word in (ReadOnlySpan<string>)["please ", "ok ", "okay "])
        {
            if (normalized.StartsWith(word, StringComparison.Ordinal))
            {
                normalized = normalized[word.Length..];
            }
        }

        return normalized.EndsWith(" please", StringComparison.Ordinal) ? normalized[..^7] : normalized;
    }
}
