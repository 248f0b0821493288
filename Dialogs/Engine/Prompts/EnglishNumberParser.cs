using System.Globalization;
using System.Text.RegularExpressions;

namespace BackCareBot.Dialogs.Engine;

/// <summary>
/// Finds the first number in an English answer: digits ("7", "6.5") or words from zero to twenty, the tens,
/// and tens with a unit ("twenty one", "thirty-five"). Enough for pain scores and durations; anything richer
/// belongs in the recogniser and can be passed to <see cref="NumberPrompt"/> as a delegate.
/// </summary>
public static partial class EnglishNumberParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["nought"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var tokens = Token().Matches(text.ToLowerInvariant());
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Value;
            if (char.IsAsciiDigit(token[0]))
            {
                return decimal.Parse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            }

            if (Tens.TryGetValue(token, out var tens))
            {
                var next = i + 1 < tokens.Count ? tokens[i + 1].Value : null;
                return next is not null && Units.TryGetValue(next, out var unit) && unit is > 0 and < 10 ? tens + unit : tens;
            }

            if (Units.TryGetValue(token, out var value))
            {
                return value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?|[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
