using System.Globalization;
using System.Security;
using System.Text;

namespace BackCareBot.Dialogs.Messages;

/// <summary>
/// Turns a sentence into the complete SSML document voice channels need (speak root with version,
/// namespace and language, and a voice), after removing what a voice cannot read: links, emoji, markup.
/// </summary>
public static class Ssml
{
    public const string Namespace = "http://www.w3.org/2001/10/synthesis";

    public static string Build(string sentence, string locale, string voiceName)
    {
        var spoken = SecurityElement.Escape(CleanForSpeech(sentence));
        return $"<speak version=\"1.0\" xmlns=\"{Namespace}\" xml:lang=\"{SecurityElement.Escape(locale)}\"><voice name=\"{SecurityElement.Escape(voiceName)}\">{spoken}</voice></speak>";
    }

    /// <summary>Drops links, emoji and markdown symbols, and folds white space.</summary>
    public static string CleanForSpeech(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cleaned = RemoveUnspeakable(word);
            if (cleaned.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(cleaned);
        }

        return builder.ToString();
    }

    private static string RemoveUnspeakable(string word)
    {
        var builder = new StringBuilder(word.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(word);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (element.Length > 1 && char.IsSurrogatePair(element, 0))
            {
                continue;
            }

            var c = element[0];
            if (c is '*' or '_' or '#' or '`' or '~' or '|' or '>' or '<' || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                continue;
            }

            builder.Append(element);
        }

        return builder.ToString();
    }
}
