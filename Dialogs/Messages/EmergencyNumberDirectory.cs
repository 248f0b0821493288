using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Messages;

/// <summary>Picks the emergency number for the person's country, read from the locale's region.</summary>
public sealed class EmergencyNumberDirectory(EmergencyNumbers numbers)
{
    /// <summary>The number to show and the way to say it (digit by digit), or the list of common numbers when the country is unknown.</summary>
    public (string Display, string Spoken) For(string? locale)
    {
        var region = RegionOf(locale);
        if (region is not null && numbers.ByCountry.TryGetValue(region, out var number))
        {
            return (number, string.Join(' ', number.ToCharArray()));
        }

        return (numbers.Unknown, numbers.Unknown);
    }

    private static string? RegionOf(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var parts = locale.Split('-', '_');
        return parts.Length >= 2 && parts[^1].Length == 2 ? parts[^1].ToUpperInvariant() : null;
    }
}
