namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Recognises one of a list of choices in an answer, trying in turn: the whole answer equal to a value,
/// title or synonym; an ordinal ("2", "second", "the first one"); a value, title or synonym appearing as whole
/// words inside the answer (the longest such phrase wins, then the earliest). Case never matters.
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    private static readonly string[] OrdinalSuffixes =
        ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"];

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "the", "one", "option", "number", "please", "its", "it", "is" };

    public static FoundChoice? Recognize(string? answer, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var text = PromptText.Normalize(answer);
        if (text.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        return FindExact(text, choices) ?? FindOrdinal(text, choices) ?? FindInside(text, choices);
    }

    private static FoundChoice? FindExact(string text, IReadOnlyList<Choice> choices)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var phrase in Phrases(choices[i]))
            {
                if (PromptText.Normalize(phrase) == text)
                {
                    return new FoundChoice(choices[i].Value, i, phrase);
                }
            }
        }

        return null;
    }

    private static FoundChoice? FindOrdinal(string text, IReadOnlyList<Choice> choices)
    {
        var words = text.Split(' ').Where(w => !Filler.Contains(w)).ToArray();
        if (words.Length != 1)
        {
            return null;
        }

        var word = words[0];
        var index = int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number - 1
            : word == "last" ? choices.Count - 1 : Math.Max(Array.IndexOf(OrdinalWords, word), Array.IndexOf(OrdinalSuffixes, word));
        return index >= 0 && index < choices.Count ? new FoundChoice(choices[index].Value, index, word) : null;
    }

    private static FoundChoice? FindInside(string text, IReadOnlyList<Choice> choices)
    {
        var padded = $" {text} ";
        FoundChoice? best = null;
        var bestLength = 0;
        var bestPosition = int.MaxValue;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var phrase in Phrases(choices[i]))
            {
                var normalized = PromptText.Normalize(phrase);
                if (normalized.Length == 0)
                {
                    continue;
                }

                var position = padded.IndexOf($" {normalized} ", StringComparison.Ordinal);
                if (position < 0)
                {
                    continue;
                }

                if (normalized.Length > bestLength || (normalized.Length == bestLength && position < bestPosition))
                {
                    best = new FoundChoice(choices[i].Value, i, phrase);
                    bestLength = normalized.Length;
                    bestPosition = position;
                }
            }
        }

        return best;
    }

    private static IEnumerable<string> Phrases(Choice choice)
    {
        yield return choice.Value;
        if (choice.Title is { } title)
        {
            yield return title;
        }

        foreach (var synonym in choice.Synonyms)
        {
            yield return synonym;
        }
    }
}
