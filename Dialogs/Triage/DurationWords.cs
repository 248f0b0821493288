using System.Globalization;
using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Triage;

/// <summary>Says a number of seconds the way a person would: "about 2 days", "3 weeks".</summary>
public sealed class DurationWords(SummaryLabels labels)
{
    public string Say(long seconds)
    {
        var (amount, unit) = seconds switch
        {
            < 3600 => (Math.Max(1, (seconds + 30) / 60), "minute"),
            < 2 * 86400 => ((seconds + 1800) / 3600, "hour"),
            < 14 * 86400 => ((seconds + 43200) / 86400, "day"),
            < 60 * 86400 => ((seconds + 302400) / 604800, "week"),
            _ => ((seconds + 1296000) / 2592000, "month"),
        };

        var key = amount == 1 ? unit : unit + "s";
        return $"{amount.ToString(CultureInfo.InvariantCulture)} {labels.DurationUnits[key]}";
    }
}
