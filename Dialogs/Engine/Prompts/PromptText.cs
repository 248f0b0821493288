using System.Buffers;
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

        // Every prompt and command check normalises the message: build it in a rented buffer, allocate only the result.
        var rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (pendingSpace && length > 0)
                    {
                        rented[length++] = ' ';
                    }

                    pendingSpace = false;
                    rented[length++] = char.ToLowerInvariant(c);
                }
                else if (c is not ('\'' or '’'))
                {
                    pendingSpace = true;
                }
            }

            return new string(rented, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
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
