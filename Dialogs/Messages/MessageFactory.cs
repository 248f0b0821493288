using System.Collections.Concurrent;
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
    private const int MaxCachedSpeech = 2048;
    private readonly ConcurrentDictionary<(string Sentence, string Language), string> _speech = new();

    // Choices come from the content file too. Each value is a small JSON document of its own; a JsonElement
    // is read-only, so one can go out in every reply that offers the choice.
    private const int MaxCachedChoices = 512;
    private readonly ConcurrentDictionary<string, JsonElement> _choiceValues = new(StringComparer.Ordinal);

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

    private JsonElement ChoiceValue(string choice)
    {
        if (_choiceValues.TryGetValue(choice, out var value))
        {
            return value;
        }

        value = JsonSerializer.SerializeToElement(choice, MessagesJsonContext.Default.String);
        if (_choiceValues.Count < MaxCachedChoices)
        {
            _choiceValues.TryAdd(choice, value);
        }

        return value;
    }

    private string Speech(string sentence, string language)
    {
        if (_speech.TryGetValue((sentence, language), out var ssml))
        {
            return ssml;
        }

        ssml = Ssml.Build(sentence, language, speech.VoiceName);
        if (_speech.Count < MaxCachedSpeech)
        {
            _speech.TryAdd((sentence, language), ssml);
        }

        return ssml;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class MessagesJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
