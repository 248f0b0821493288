using System.Globalization;
using BackCareBot.Dialogs.Content;
using BackCareBot.Dialogs.Engine;
using BackCareBot.Dialogs.Messages;
using BackCareBot.Protocol.Builder;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Triage.Flow;

/// <summary>
/// Every question the triage asks through a prompt, built from the content for this turn's locale and
/// channel. The prompts store only the key between turns, so a waiting conversation keeps a few bytes per
/// question instead of the question's text, speech and buttons.
/// </summary>
public sealed class TriageQuestions(TriageServices services) : IPromptCatalog
{
    public const int MaxRetries = 2;
    public const string ForgetConfirm = "forgetConfirm";
    public const string FollowUpOffer = "followUpOffer";
    public const string OnsetWhen = "askOnsetWhen";
    public const string OnsetHow = "askOnsetHow";
    public const string Location = "askLocation";
    public const string Severity = "askSeverity";
    public const string LegDetail = "askLegDetail";

    /// <summary>The value of the first button of a two-choice question (delete my data, check in later); the second is <see cref="No"/>.</summary>
    public const string Yes = "yes";
    public const string No = "no";

    private const string SymptomPrefix = "symptom:";

    private static readonly Dictionary<string, string> RetryKeys = new(StringComparer.Ordinal)
    {
        [OnsetWhen] = "retryOnsetWhen",
        [OnsetHow] = "retryOnsetHow",
        [Location] = "retryLocation",
        [Severity] = "retrySeverity",
        [LegDetail] = "retryLegDetail",
    };

    /// <summary>The key of the yes/no question about one symptom.</summary>
    public static string SymptomKey(SymptomQuestion question) => SymptomPrefix + question.Id;

    /// <summary>The options to start a prompt with; the key must be one this catalog builds.</summary>
    public PromptOptions Ask(string key, ITurnContext turnContext) =>
        (Find(key, turnContext) ?? throw new ArgumentException($"No triage question has the key '{key}'.", nameof(key))).Start(key);

    public CatalogPrompt? Find(string key, ITurnContext turnContext)
    {
        var locale = turnContext.Activity.Locale;
        if (RetryKeys.TryGetValue(key, out var retryKey))
        {
            return new CatalogPrompt(
                [],
                MaxRetries,
                () => services.Replies.Ask(key, locale),
                () => services.Replies.Ask(retryKey, locale));
        }

        if (key.StartsWith(SymptomPrefix, StringComparison.Ordinal))
        {
            var id = key[SymptomPrefix.Length..];
            var question = services.Content.SymptomQuestions.FirstOrDefault(q => q.Id == id);
            return question is null ? null : SymptomQuestion(question, turnContext);
        }

        return key switch
        {
            ForgetConfirm => TwoChoices(services.Content.Message(key), locale, null),
            FollowUpOffer => TwoChoices(services.Content.Message(key), locale, FollowUpValues),
            _ => null,
        };
    }

    private CatalogPrompt SymptomQuestion(SymptomQuestion question, ITurnContext turnContext)
    {
        var locale = turnContext.Activity.Locale;
        var phoneCall = PhoneCall.IsPhoneCall(turnContext.Activity);
        var yesNo = services.Content.Message("retryYesNo");
        return new CatalogPrompt(
            [],
            MaxRetries,
            () =>
            {
                var sayAnswers = services.Content.Message(phoneCall ? "sayYesNoPhone" : "sayYesNo");
                var spoken = $"{question.Speak ?? question.Text} {sayAnswers.Speak ?? sayAnswers.Text}";
                return services.Replies.Ask(new Line(question.Text, spoken, yesNo.Choices), locale);
            },
            () => services.Replies.Ask(new Line($"{yesNo.Text} {question.Text}", null, yesNo.Choices), locale));
    }

    /// <summary>A yes-or-no choice; the button titles come from the line's choices. Unanswered, it is asked once more.</summary>
    private CatalogPrompt TwoChoices(Line line, string? locale, Func<IReadOnlyDictionary<string, string>>? values)
    {
        var titles = line.Choices ?? [];
        return new CatalogPrompt(
            [
                new Choice(Yes) { Title = titles.ElementAtOrDefault(0), Synonyms = [.. services.Content.Answers["yes"]] },
                new Choice(No) { Title = titles.ElementAtOrDefault(1), Synonyms = [.. services.Content.Answers["no"]] },
            ],
            1,
            Build,
            Build);

        Activity Build() => services.Replies.Ask(line, locale, values?.Invoke(), choices: []);
    }

    private Dictionary<string, string> FollowUpValues() =>
        new() { ["hours"] = services.FollowUps.Delay.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) };
}
