using System.Globalization;
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
        var builder = new StringBuilder(sentence.Length + 160);
        builder.Append("<speak version=\"1.0\" xmlns=\"").Append(Namespace).Append("\" xml:lang=\"");
        AppendEscaped(builder, locale);
        builder.Append("\"><voice name=\"");
        AppendEscaped(builder, voiceName);
        builder.Append("\">");
        AppendEscaped(builder, CleanForSpeech(sentence));
        builder.Append("</voice></speak>");
        return builder.ToString();
    }

    /// <summary>Drops links, emoji and markdown symbols, and folds white space, in one pass.</summary>
    public static string CleanForSpeech(string text)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position > start)
            {
                AppendSpeakableWord(builder, text.AsSpan(start, position - start));
            }
        }

        return builder.ToString();
    }

    private static void AppendSpeakableWord(StringBuilder builder, ReadOnlySpan<char> word)
    {
        if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var lengthBefore = builder.Length;
        if (lengthBefore > 0)
        {
            builder.Append(' ');
        }

        var kept = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsHighSurrogate(c))
            {
                // Characters outside the basic plane are emoji and pictographs here; a voice reads them badly or not at all.
                i++;
                continue;
            }

            if (IsMarkup(c) || char.IsLowSurrogate(c) || IsVariationSelector(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                continue;
            }

            builder.Append(c);
            kept++;
        }

        if (kept == 0)
        {
            builder.Length = lengthBefore;
        }
    }

    private static bool IsMarkup(char c) => c is '*' or '_' or '#' or '`' or '~' or '|' or '>' or '<';

    private static bool IsVariationSelector(char c) => c is >= '\uFE00' and <= '\uFE0F';

    private static void AppendEscaped(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&apos;"),
                _ => builder.Append(c),
            };
        }
    }
}
