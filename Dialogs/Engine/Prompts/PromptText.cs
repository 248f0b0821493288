using System.Text;
using System.Text.Json;
using BackCareBot.Protocol.Schema;

namespace BackCareBot.Dialogs.Engine;

/// <summary>Shared text handling of the prompts' recognisers.</summary>
internal static class PromptText
{
    /// <summary>Lower case, apostrophes dropped, other punctuation turned into single spaces, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '’'))
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The answers a message carries: its text, or, for a card submit without text, the string properties of
    /// its value (e.g. {"choice":"lower"}).
    /// </summary>
    public static IEnumerable<string> Answers(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            yield return activity.Text;
            yield break;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } submitted)
                {
                    yield return submitted;
                }
            }
        }
    }
}
