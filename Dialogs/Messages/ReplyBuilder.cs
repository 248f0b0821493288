using System.Text;
using BackCareBot.Dialogs.Content;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Messages;

/// <summary>
/// Builds a reply from a content key: fills in the placeholders (always including the emergency number
/// for the person's locale) and hands the words to the <see cref="MessageFactory"/>.
/// </summary>
public sealed class ReplyBuilder(ConversationContent content, MessageFactory factory, EmergencyNumberDirectory emergencyNumbers)
{
    public ConversationContent Content => content;

    public EmergencyNumberDirectory EmergencyNumbers => emergencyNumbers;

    public Activity Say(string key, string? locale, IReadOnlyDictionary<string, string>? values = null) =>
        Say(content.Message(key), locale, values);

    public Activity Say(Line line, string? locale, IReadOnlyDictionary<string, string>? values = null)
    {
        var (text, speak) = Fill(line, locale, values);
        return factory.Statement(text, speak, locale);
    }

    public Activity Ask(string key, string? locale, IReadOnlyDictionary<string, string>? values = null) =>
        Ask(content.Message(key), locale, values);

    public Activity Ask(Line line, string? locale, IReadOnlyDictionary<string, string>? values = null, IReadOnlyList<string>? choices = null)
    {
        var (text, speak) = Fill(line, locale, values);
        return factory.Question(text, speak, locale, choices ?? line.Choices);
    }

    /// <summary>A message that must be heard to the end, such as the emergency advice.</summary>
    public Activity Insist(string key, string? locale, IReadOnlyDictionary<string, string>? values = null)
    {
        var (text, speak) = Fill(content.Message(key), locale, values);
        return factory.Urgent(text, speak, locale);
    }

    /// <summary>Fills a line's placeholders; the spoken form reads the emergency number digit by digit.</summary>
    public (string Text, string Speak) Fill(Line line, string? locale, IReadOnlyDictionary<string, string>? values)
    {
        var (display, spoken) = emergencyNumbers.For(locale);
        var text = Replace(line.Text, values, display, spoken, forSpeech: false);
        var speak = Replace(line.Speak ?? line.Text, values, display, spoken, forSpeech: true);
        return (text, speak);
    }

    private static string Replace(string template, IReadOnlyDictionary<string, string>? values, string display, string spoken, bool forSpeech)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            builder.Append(template, position, open - position);
            var name = template.AsSpan(open + 1, close - open - 1);
            builder.Append(name switch
            {
                "emergencyNumber" => forSpeech ? spoken : display,
                "emergencyNumberSpoken" => spoken,
                _ => Value(values, name.ToString()),
            });
            position = close + 1;
        }

        return builder.ToString();
    }

    private static string Value(IReadOnlyDictionary<string, string>? values, string name) =>
        values is not null && values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The content placeholder {{{name}}} has no value.");
}
