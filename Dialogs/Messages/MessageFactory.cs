using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Messages;

/// <summary>
/// The one place outgoing messages are made, so every one of them carries text, SSML speech and an
/// input hint, and choices travel as suggested actions.
/// </summary>
public sealed class MessageFactory(SpeechSettings speech)
{
    // Almost every sentence comes from the content file, so the same SSML is built again and again; keep it.
    // Sentences with personal values (a summary) are rarer, and the cap keeps them from filling memory.
    private readonly CappedCache<(string Sentence, string Language), string> _speech = new(2048);

    // Choices come from the content file too. Each value is a small JSON document of its own; a JsonElement
    // is read-only, so one can go out in every reply that offers the choice.
    private readonly CappedCache<string, JsonElement> _choiceValues = new(512, StringComparer.Ordinal);

    /// <summary>Something the bot tells the person; they may still type.</summary>
    public Activity Statement(string text, string? speak, string? locale) =>
        Build(text, speak, locale, InputHints.AcceptingInput, choices: null);

    /// <summary>A question the bot waits for an answer to; voice clients open the microphone.</summary>
    public Activity Question(string text, string? speak, string? locale, IReadOnlyList<string>? choices = null) =>
        Build(text, speak, locale, InputHints.ExpectingInput, choices);

    /// <summary>A message that must be heard to the end (the emergency advice): barge-in is off.</summary>
    public Activity Urgent(string text, string? speak, string? locale) =>
        Build(text, speak, locale, InputHints.IgnoringInput, choices: null);

    private Activity Build(string text, string? speak, string? locale, string inputHint, IReadOnlyList<string>? choices)
    {
        var language = string.IsNullOrWhiteSpace(locale) ? speech.DefaultLocale : locale;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Speak = Speech(speak ?? text, language),
            InputHint = inputHint,
        };

        if (choices is { Count: > 0 })
        {
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = [.. choices.Select(choice => new CardAction
                {
                    Type = ActionTypes.ImBack,
                    Title = choice,
                    Value = ChoiceValue(choice),
                })],
            };
        }

        return activity;
    }

    private JsonElement ChoiceValue(string choice) =>
        _choiceValues.GetOrBuild(choice, static (value, type) => JsonSerializer.SerializeToElement(value, type), MessagesJsonContext.Default.String);

    private string Speech(string sentence, string language) =>
        _speech.GetOrBuild((sentence, language), static (key, voice) => Ssml.Build(key.Sentence, key.Language, voice), speech.VoiceName);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class MessagesJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
