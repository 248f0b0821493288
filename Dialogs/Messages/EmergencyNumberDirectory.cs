using BackCareBot.Dialogs.Content;

namespace BackCareBot.Dialogs.Messages;

/// <summary>Picks the emergency number for the person's country, read from the locale's region.</summary>
public sealed class EmergencyNumberDirectory(EmergencyNumbers numbers)
{
    /// <summary>The number to show and the way to say it (digit by digit), or the list of common numbers when the country is unknown.</summary>
    public (string Display, string Spoken) For(string? locale) =>
        Find(locale) is { } number ? (number, string.Join(' ', number.ToCharArray())) : (numbers.Unknown, numbers.Unknown);

    /// <summary>The one number to dial for the person's country; null when the locale names no known country.</summary>
    public string? Find(string? locale) =>
        RegionOf(locale) is { } region && numbers.ByCountry.TryGetValue(region, out var number) ? number : null;

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
